// Installable app: registers the service worker, says when a new version is ready, and
// while the app is open shows a local reminder at the person's reminder time.
// Nothing here talks to any host but this one; there is no push service.
"use strict";

(function () {
  function showUpdateNotice(registration) {
    const notice = document.getElementById("update-notice");
    if (!notice || !registration.waiting) return;
    notice.hidden = false;
    const button = notice.querySelector("button");
    if (button) {
      button.addEventListener("click", () => {
        registration.waiting.postMessage("use-new-version");
      }, { once: true });
    }
  }

  async function register() {
    if (!("serviceWorker" in navigator)) return;
    try {
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      showUpdateNotice(registration);
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        if (!installing) return;
        installing.addEventListener("statechange", () => {
          if (installing.state === "installed" && navigator.serviceWorker.controller) {
            showUpdateNotice(registration);
          }
        });
      });
      let reloading = false;
      navigator.serviceWorker.addEventListener("controllerchange", () => {
        // Only a tap on "Use it now" makes a waiting worker take over mid-visit.
        if (reloading || !document.getElementById("update-notice") || document.getElementById("update-notice").hidden) return;
        reloading = true;
        window.location.reload();
      });
    } catch (error) {
      // No worker (for example a private window): the app still works online.
    }
  }

  function msUntilReminder(hhmm, now) {
    const [hours, minutes] = hhmm.split(":").map(Number);
    const at = new Date(now);
    at.setHours(hours, minutes, 0, 0);
    return at.getTime() - now.getTime();
  }

  async function scheduleReminder() {
    if (!("Notification" in window) || Notification.permission !== "granted") return;
    let reminder;
    try {
      const answer = await fetch("/pwa/reminder.json", { headers: { Accept: "application/json" } });
      if (!answer.ok) return;
      reminder = await answer.json();
    } catch (error) {
      return; // offline: the calendar alarm still reminds
    }
    if (!reminder.time || !reminder.training_day) return;
    const wait = msUntilReminder(reminder.time, new Date());
    if (wait < 0 || wait > 24 * 3600 * 1000) return;
    window.setTimeout(async () => {
      const text = { body: "Time for your exercises. Check in first, then start when you are ready.", icon: "/icons/icon-192.png", tag: "sicoach-reminder" };
      try {
        const registration = await navigator.serviceWorker.getRegistration();
        if (registration) await registration.showNotification("SI Coach", text);
        else new Notification("SI Coach", text);
      } catch (error) {
        // a browser that refuses notifications: the calendar alarm still reminds
      }
    }, wait);
  }

  function wireNotificationButton() {
    const button = document.getElementById("allow-notifications");
    const status = document.getElementById("notifications-status");
    if (!button || !status) return;
    if (!("Notification" in window)) {
      status.textContent = "This browser cannot show reminders. Use the calendar below instead.";
      button.hidden = true;
      return;
    }
    const describe = () => {
      status.textContent = {
        granted: "Reminders are on for this device while SI Coach is open.",
        denied: "Reminders are blocked in this browser's settings. Use the calendar below instead.",
        default: "",
      }[Notification.permission];
      button.hidden = Notification.permission !== "default";
    };
    describe();
    button.addEventListener("click", async () => {
      await Notification.requestPermission();
      describe();
      scheduleReminder();
    });
  }

  register();
  scheduleReminder();
  wireNotificationButton();
})();
