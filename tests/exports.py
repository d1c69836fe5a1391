"""Read the spreadsheets the admin listings and reports download (`?export=csv` or `?export=xlsx`)."""

import csv
import io

from openpyxl import load_workbook


def download(client, url, export_format, params=None):
    """The rows of the downloaded file, the heading row first, every cell as text ("" when empty)."""
    response = client.get(url, {**(params or {}), "export": export_format})
    assert response.status_code == 200, response.status_code
    assert "attachment" in response["Content-Disposition"]
    if export_format == "csv":
        text = b"".join(response.streaming_content).decode("utf-8")
        return list(csv.reader(io.StringIO(text)))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [
        ["" if cell is None else str(cell) for cell in row]
        for row in workbook.active.iter_rows(values_only=True)
    ]
