// The report page's PDF link: a report of months or years takes a few seconds to print, so
// instead of a page that looks stuck, show a progress bar until the file is ready, then save
// it under the name the server gives. Without JavaScript the link downloads as usual.
(() => {
  "use strict";
  const link = document.querySelector("a[data-report-pdf]");
  const box = document.getElementById("report-status");
  if (!link || !box || !window.fetch || !window.URL) return;
  const bar = box.querySelector("progress");
  const text = box.querySelector("[data-status-text]");

  function nameFrom(response) {
    const header = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : "sicoach-report.pdf";
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  let busy = false;
  link.addEventListener("click", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    link.setAttribute("aria-disabled", "true");
    box.hidden = false;
    bar.hidden = false;
    text.textContent = "Making your PDF. This can take a few seconds.";
    try {
      const response = await fetch(link.href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(`status ${response.status}`);
      save(await response.blob(), nameFrom(response));
      text.textContent = "Your PDF is ready. Look for it in your downloads.";
    } catch (err) {
      text.textContent =
        "The PDF could not be made. Try again, or download the web page version.";
    } finally {
      bar.hidden = true;
      link.removeAttribute("aria-disabled");
      busy = false;
    }
  });
})();
