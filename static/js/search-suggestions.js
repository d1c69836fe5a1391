/*
 * Search suggestions for the site's search boxes (progressive enhancement).
 *
 * Without JavaScript the box is a plain GET form to /recherche/. With it, an input carrying
 * data-suggestions-url becomes an ARIA 1.2 combobox: a listbox of page titles fetched as the
 * member types, arrow keys to move, Enter to open the highlighted page, Escape to close.
 */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var instances = 0;

  function enhance(input) {
    var url = input.getAttribute("data-suggestions-url");
    if (!url || !window.fetch) return;
    instances += 1;
    var listId = (input.id || "recherche-" + instances) + "-suggestions";
    var statusId = listId + "-statut";

    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions-recherche";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;

    var status = document.createElement("p");
    status.id = statusId;
    status.className = "fr-sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    var group = input.parentNode;
    group.style.position = "relative";
    group.appendChild(list);
    group.appendChild(status);

    // ARIA 1.2 combobox on a text input: HTML allows neither role="combobox" nor aria-expanded
    // on type="search" (W3C checker). The form keeps role="search", so the landmark stays.
    input.type = "text";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var timer = null;
    var controller = null;
    var active = -1;
    var items = [];

    function close() {
      list.hidden = true;
      list.innerHTML = "";
      items = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(suggestions) {
      close();
      if (!suggestions.length) {
        status.textContent = "Aucune suggestion.";
        return;
      }
      suggestions.forEach(function (suggestion, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.url = suggestion.url;
        var title = document.createElement("span");
        title.textContent = suggestion.title;
        var type = document.createElement("span");
        type.className = "fr-text--xs suggestions-recherche__type";
        type.textContent = suggestion.type;
        option.appendChild(title);
        option.appendChild(type);
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input until we navigate
          window.location.assign(suggestion.url);
        });
        list.appendChild(option);
        items.push(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent =
        suggestions.length + " suggestion" + (suggestions.length > 1 ? "s" : "") +
        ", flèches haut et bas pour parcourir.";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (!query) {
        close();
        return;
      }
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller ? controller.signal : undefined,
      })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === query) render(data.suggestions || []);
        })
        .catch(function () {
          /* aborted or offline: the form still works */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden) {
          if (event.key === "ArrowDown") fetchSuggestions();
          return;
        }
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        var next = active + step;
        if (next < -1) next = items.length - 1;
        if (next >= items.length) next = -1;
        highlight(next);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].dataset.url);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", function () {
      window.setTimeout(close, 100);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggestions-url]");
    Array.prototype.forEach.call(inputs, enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
