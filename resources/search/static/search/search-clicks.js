/*
 * Which search result was opened (resources/search/querylog.py): when a results list carries
 * data-search-click (a signed id of the anonymous search record), a click on one of its links sends
 * that token and the page id with navigator.sendBeacon. Nothing else is sent; without JavaScript,
 * or without sendBeacon, links work the same and no click is recorded.
 */
(function () {
  "use strict";

  function report(list, link) {
    var data = new FormData();
    data.append("recherche", list.getAttribute("data-search-click"));
    data.append("page", link.getAttribute("data-page"));
    navigator.sendBeacon(list.getAttribute("data-click-url"), data);
  }

  function enhance(list) {
    if (!list.getAttribute("data-search-click") || !navigator.sendBeacon) return;
    list.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-page]");
      if (link && !list.hasAttribute("data-clicked")) {
        list.setAttribute("data-clicked", "");
        report(list, link);
      }
    });
  }

  document.querySelectorAll("[data-search-click]").forEach(enhance);
})();
