// Forms that still work when this device cannot reach SI Coach (a phone in the garden, the
// computer asleep): the answers go to the outbox (outbox.js) as the JSON API's body and
// are sent, once, when SI Coach can be reached again.
//
// While SI Coach answers, the form is sent as usual (the server checks it and shows its
// own messages). A check-in is the day's one: sending it again replaces that day's answers
// with the same ones, so a retry never adds a second check-in. An activity carries an id
// made here (client_id), which the server accepts once.
"use strict";

import { send } from "/static/outbox.js";

const WARNING =
  "Your answers are checked for warning signs only once they are sent. If you ticked a " +
  "warning sign or feel much worse, do not wait: contact your doctor now, or your local " +
  "emergency number in an emergency.";

function whole(value) {
  return value === null || value === "" ? null : Number.parseInt(String(value), 10);
}

function clientId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// A long activity asks "are you sure?" first, as the server does online. The number comes
// from the page (data-sure-above, rendered by the server); a confirmed number is kept in
// data-sure-for, so changing the minutes asks again.
function unsure(form, minutes) {
  const above = whole(form.dataset.sureAbove);
  if (above === null || Number.isNaN(above) || minutes <= above) return null;
  if (form.dataset.sureFor === String(minutes)) return null;
  form.dataset.sureFor = String(minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const button = form.querySelector("button[type=submit]");
  if (button) button.textContent = `Yes, save ${minutes} minutes`;
  return `${minutes} minutes is ${hours} hours${rest ? ` and ${rest} minutes` : ""}. ` +
    "Are you sure? If so, save it again; if not, change the minutes.";
}

const BODIES = {
  activity(form) {
    const data = new FormData(form);
    const minutes = whole(data.get("minutes"));
    if (minutes === null || Number.isNaN(minutes)) return { missing: "Type how many minutes first." };
    const ask = unsure(form, minutes);
    if (ask) return { missing: ask };
    const day = form.elements.date;
    return {
      body: {
        date: (day && (day.value || day.max)) || undefined,
        kind: String(data.get("kind") || "walking"),
        minutes,
        client_id: clientId(),
      },
    };
  },
  checkin(form) {
    const data = new FormData(form);
    const pain = whole(data.get("pain"));
    if (pain === null) return { missing: "Choose your pain right now first." };
    const day = form.elements.date;
    return {
      body: {
        date: (day && (day.value || day.max)) || undefined,
        pain,
        worst_pain: whole(data.get("worst_pain")),
        mobility: whole(data.get("mobility")),
        symptoms: data.getAll("symptoms").map(String),
        note: String(data.get("note") || ""),
      },
    };
  },
};

async function reachable() {
  try {
    const answer = await fetch("/healthz", { cache: "no-store", credentials: "same-origin" });
    return answer.ok;
  } catch (error) {
    return false;
  }
}

function say(form, text, isError) {
  let line = form.querySelector(".offline-saved");
  if (!line) {
    line = document.createElement("div");
    line.className = "notice offline-saved";
    form.prepend(line);
  }
  line.setAttribute("role", isError ? "alert" : "status");
  line.replaceChildren(...text.map((part) => {
    const p = document.createElement("p");
    p.textContent = part;
    return p;
  }));
  line.scrollIntoView({ block: "nearest" });
}

for (const form of document.querySelectorAll("form[data-offline]")) {
  form.addEventListener("submit", async (event) => {
    if (form.dataset.sendingOnline === "1") return; // the second pass: sent as usual
    event.preventDefault();
    if (await reachable()) {
      form.dataset.sendingOnline = "1";
      form.requestSubmit(event.submitter || undefined);
      return;
    }
    const made = BODIES[form.dataset.offline](form);
    if (made.missing) {
      say(form, [made.missing], true);
      return;
    }
    await send(form.dataset.api, made.body);
    say(form, ["Saved on this device. It is sent to your journal as soon as this device reaches SI Coach again.", WARNING], false);
    const button = form.querySelector("button[type=submit]");
    if (button) button.textContent = "Saved on this device";
  });
}
