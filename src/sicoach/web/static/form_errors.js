// A page that comes back with a mistake brings the first field in error into view and
// puts the keyboard there, so a person on a phone does not have to hunt for it. The
// field's message is already tied to it (aria-describedby), so a screen reader reads both.
"use strict";

(function () {
  const first = document.querySelector("main [aria-invalid='true']");
  if (!first) return;
  const target = first.matches("input, select, textarea")
    ? first
    : first.querySelector("input, select, textarea") || first;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
})();
