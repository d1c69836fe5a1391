// Ticks an onboarding step without reloading the page. Without this file the forms post normally.
(function () {
  "use strict";

  function updateProgress(data) {
    document.querySelectorAll("[data-onboarding-progress]").forEach(function (box) {
      var text = box.querySelector("[data-progress-text]");
      var bar = box.querySelector("progress");
      var finished = box.querySelector("[data-progress-finished]");
      var essential = box.querySelector("[data-progress-essential]");
      var plural = data.done > 1 ? "s" : "";
      text.textContent = data.done + " étape" + plural + " faite" + plural + " sur " + data.total + " (" + data.percent + " %)";
      bar.value = data.percent;
      bar.textContent = data.percent + " %";
      finished.innerHTML = data.finished
        ? '<span class="fr-badge fr-badge--success fr-badge--sm fr-ml-1w">Parcours terminé</span>'
        : "";
      if (essential) {
        essential.textContent = "Étapes essentielles : " + data.essential_done + " sur " + data.essential_total;
      }
    });
  }

  function updateStep(form, done) {
    var item = form.closest("[data-step]");
    var title = item.querySelector("h3").textContent;
    var input = form.querySelector("input[name=done]");
    var button = form.querySelector("button");
    var badge = item.querySelector("[data-step-status] .fr-badge");
    input.value = done ? "0" : "1";
    button.textContent = done ? "Remettre « " + title + " » à faire" : "Marquer « " + title + " » comme faite";
    button.classList.toggle("fr-btn--secondary", done);
    button.classList.toggle("fr-icon-close-line", done);
    button.classList.toggle("fr-icon-check-line", !done);
    item.classList.toggle("is-done", done);
    if (badge) {
      badge.textContent = done ? "Faite" : "À faire";
      badge.classList.toggle("fr-badge--success", done);
      badge.classList.toggle("fr-badge--no-icon", !done);
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-step-form]");
    if (!form || !window.fetch) {
      return;
    }
    event.preventDefault();
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(function (data) {
        updateStep(form, data.step_done);
        updateProgress(data);
      })
      .catch(function () {
        form.submit(); // fall back to the plain form: the server answers with a message
      });
  });
})();
