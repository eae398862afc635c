// OAuth 2.0 Form Post Response Mode: post the response to the client as soon as the page is parsed (the script
// is deferred). A file, not inline script, so the page's Content-Security-Policy stays script-src 'self'.
'use strict';
(function () {
  var form = document.getElementById('form-post');
  if (form) {
    form.submit();
  }
}());
