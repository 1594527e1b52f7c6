// Demo only: the two things App Bridge does for this app inside the Shopify admin, for a browser
// that has no admin around it — hand out session tokens, and add them to the app's own requests.
(function () {
  var params = new URLSearchParams(location.search);
  var shop = params.get("shop") || sessionStorage.getItem("demo-shop");
  if (shop) sessionStorage.setItem("demo-shop", shop);
  var token = params.get("id_token");
  var tokenAt = token ? Date.now() : 0;
  var networkFetch = window.fetch.bind(window);

  function idToken() {
    if (token && Date.now() - tokenAt < 30000) return Promise.resolve(token);
    return networkFetch("/demo/session-token?shop=" + encodeURIComponent(shop || ""))
      .then(function (r) { return r.json(); })
      .then(function (body) { token = body.token; tokenAt = Date.now(); return token; });
  }

  window.fetch = function (input, init) {
    var url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf("/demo/") === 0) return networkFetch(input, init);
    return idToken().then(function (t) {
      var options = Object.assign({}, init);
      var headers = new Headers(options.headers || (input instanceof Request ? input.headers : undefined));
      headers.set("Authorization", "Bearer " + t);
      options.headers = headers;
      return networkFetch(input, options);
    });
  };

  window.shopify = {
    config: { apiKey: document.currentScript && document.currentScript.dataset.apiKey, shop: shop },
    idToken: idToken,
    toast: { show: function (message) { console.info("[toast]", message); } },
    loading: function () {},
  };
})();
