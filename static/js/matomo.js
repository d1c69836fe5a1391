/* Cookie-free audience measurement (Matomo), loaded only when the deployment configures it
   (FABRIQUE_MATOMO_URL and FABRIQUE_MATOMO_SITE_ID). No cookie is set, so no consent banner is needed
   (CNIL exemption); the server's address and site come from this script tag's data attributes, as the
   strict CSP forbids inline scripts. */
(function () {
  "use strict";
  var tag = document.currentScript;
  if (!tag || !tag.dataset.matomoUrl || !tag.dataset.matomoSite) {
    return;
  }
  var server = tag.dataset.matomoUrl;
  var queue = (window._paq = window._paq || []);
  queue.push(["disableCookies"]);
  queue.push(["setTrackerUrl", server + "matomo.php"]);
  queue.push(["setSiteId", tag.dataset.matomoSite]);
  queue.push(["trackPageView"]);
  queue.push(["enableLinkTracking"]);
  var tracker = document.createElement("script");
  tracker.async = true;
  tracker.src = server + "matomo.js";
  document.head.appendChild(tracker);
})();
