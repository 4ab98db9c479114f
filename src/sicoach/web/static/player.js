// The guided session player: plays the session script from /api/v1/session/script.
// Saves each exercise the moment it ends (so closing the tab loses nothing done),
// speaks cues, beeps at each step, keeps the screen awake, and honours reduced motion.
// ?speed=N runs the clock N times faster (demonstrations and tests).

import { send } from "/static/outbox.js";

const $ = (id) => document.getElementById(id);
const root = $("player");
const sessionId = root.dataset.sessionId;
const speed = Math.max(1, Number(root.dataset.speed) || 1);
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
const RING = 326.73;

const state = {
  script: null,
  index: 0,
  remaining: 0, // seconds left in the current step (script time)
  paused: true,
  last: 0,
  timer: null,
  muted: localStorage.getItem("sicoach-muted") === "1",
  results: new Map(), // exercise id -> {done, ending, pain, saved}; the server decides what an ending records
  wakeLock: null,
  audio: null,
  figures: new Map(), // "id|variant" -> {start, into, cues} from /figures/{id}/cues.json
  figure: { exercise: null, frame: null }, // what the figure shows now
  saving: Promise.resolve(), // the chain of exercise saves, sent one after another
};

function setState(name) {
  root.dataset.state = name;
}

function show(id, visible) {
  $(id).hidden = !visible;
}

// --- sound, voice, wake lock ------------------------------------------------------------

function beep(high) {
  try {
    state.audio = state.audio || new AudioContext();
    const ctx = state.audio;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = high ? 880 : 660;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.2);
  } catch (err) {
    // No sound available: the screen still shows every step.
  }
}

function say(text) {
  if (state.muted || speed > 3 || !("speechSynthesis" in window)) return;
  try {
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.rate = 0.95;
    window.speechSynthesis.speak(utterance);
  } catch (err) {
    // Speech is a help, never required.
  }
}

async function keepAwake() {
  if (state.wakeLock) return;
  // The Wake Lock API needs a secure page (https, or this computer's own address); where it
  // is missing or refused, say so: a screen that goes dark mid-hold loses the person's place.
  if (!("wakeLock" in navigator)) {
    show("p-awake", true);
    return;
  }
  try {
    state.wakeLock = await navigator.wakeLock.request("screen");
    show("p-awake", false);
    state.wakeLock.addEventListener("release", () => {
      state.wakeLock = null;
    });
  } catch (err) {
    state.wakeLock = null;
    show("p-awake", true);
  }
}

function midSession() {
  return ["running", "paused", "hurt"].includes(root.dataset.state);
}

// Leaving mid-exercise (back button, a link, closing the tab) asks first: the exercise on
// screen is saved only when it ends.
window.addEventListener("beforeunload", (event) => {
  if (!midSession()) return;
  event.preventDefault();
  event.returnValue = "";
});

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && !state.paused) keepAwake();
});

// --- saving -------------------------------------------------------------------------------

// With no connection, a result is kept on the device (outbox.js) and sent when the
// connection returns; the player carries on as if it had been saved.
async function post(url, body, options = {}) {
  let lastError = null;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    let response;
    try {
      response = await send(url, body);
    } catch (err) {
      // no connection and no storage on this device to keep the result in
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, 400 * (attempt + 1)));
      continue;
    }
    if (response.queued) return { queued: true };
    if (response.ok) return response.json();
    if (response.status === 409 && options.alreadySaved) return { already: true };
    const detail = await response.json().catch(() => ({}));
    lastError = new Error(typeof detail.detail === "string" ? detail.detail : `HTTP ${response.status}`);
    if (response.status < 500) break;
    await new Promise((resolve) => setTimeout(resolve, 400 * (attempt + 1)));
  }
  const box = $("p-error");
  box.textContent = `Could not save: ${lastError ? lastError.message : "unknown problem"}. Your other answers are kept.`;
  box.hidden = false;
  return null;
}

function resultFor(id) {
  if (!state.results.has(id)) {
    state.results.set(id, { done: new Set(), held: false, ending: null, pain: null, saved: false });
  }
  return state.results.get(id);
}

// How an exercise ended: "finished", "skipped" or "hurt". The server decides what that
// records (a skip after some repetitions is still a skip), exactly as for the terminal player.
function saveExercise(id, ending) {
  const result = resultFor(id);
  if (result.saved) return Promise.resolve();
  result.saved = true;
  result.ending = ending;
  const info = state.script.exercises.find((e) => e.id === id) || { level: 0, per_side: false };
  const pairs = result.done.size;
  let reps = info.per_side ? Math.floor(pairs / 2) : pairs;
  // Stopped once a first hold had finished: some of it was done, so at least one
  // repetition is reported, and the server calls it part done, never skipped.
  if (ending !== "finished" && result.held) reps = Math.max(reps, 1);
  const body = { id, ending, level: info.level || 0, reps };
  if (result.pain !== null) body.pain = result.pain;
  // One after another: the journal keeps them in the order they were played, even when a
  // busy server would have answered two quick skips the other way round.
  const saving = state.saving.then(() => post(`/api/v1/sessions/${sessionId}/exercises`, body, { alreadySaved: true }));
  state.saving = saving.catch(() => null);
  return saving;
}

// The session's finish is sent once every exercise save has been answered (or kept on the
// device), so the summary and the journal count the last skip too; a save stuck on a weak
// connection holds it back 15 s at most, so the pain-after answer is never left waiting.
const SAVE_WAIT_MS = 15000;

function savesSettled() {
  return Promise.race([state.saving, new Promise((resolve) => setTimeout(resolve, SAVE_WAIT_MS))]);
}

// --- the figure follows the steps ---------------------------------------------------------
// Each step shows its own picture: a hold moves into the held position, a release back,
// the two halves of a move (cat-cow) each their frame, a side its own frame. The move is
// one SVG that animates once and stays, so the figure keeps the player's time; under
// reduced motion the still frame of the step is shown instead.

function figureKey(info) {
  return `${info.id}|${info.variant || ""}`;
}

function variantQuery(info, first) {
  return info.variant ? `${first ? "?" : "&"}variant=${encodeURIComponent(info.variant)}` : "";
}

async function loadFigureCues() {
  await Promise.all(
    state.script.exercises.map(async (info) => {
      try {
        const response = await fetch(`/figures/${info.id}/cues.json${variantQuery(info, true)}`);
        if (response.ok) state.figures.set(figureKey(info), await response.json());
      } catch (err) {
        // Without cues the figure shows its start frame: the words still lead.
      }
    }),
  );
}

function isSecondMove(i) {
  const before = i > 0 ? step(i - 1) : null;
  const current = step(i);
  return !!before && before.kind === "move" && before.exercise_id === current.exercise_id && before.rep === current.rep && before.side === current.side;
}

function figureFrames(current, cues) {
  let kind = current.kind;
  if (kind === "move") kind = isSecondMove(state.index) ? "move2" : "move1";
  const side = current.side ? `${kind}_${current.side}` : kind;
  return cues.cues[side] || cues.cues[kind] || [cues.start];
}

function figureSeconds(current, cues) {
  if (current.kind === "hold") return Math.min(cues.into, current.seconds * 0.6);
  if (current.kind === "release" || current.kind === "move") return current.seconds * 0.9;
  return 1;
}

function showFigure(current) {
  const info = state.script.exercises.find((e) => e.id === current.exercise_id) || { id: current.exercise_id };
  const cues = state.figures.get(figureKey(info));
  let url;
  let last;
  if (!cues) {
    last = "0";
    url = `/figures/${info.id}/0.svg${variantQuery(info, true)}`;
  } else {
    const targets = figureFrames(current, cues);
    last = targets[targets.length - 1];
    const from = state.figure.exercise === info.id && state.figure.frame ? state.figure.frame : cues.start;
    const frames = from === targets[0] ? targets : [from, ...targets];
    const seconds = (figureSeconds(current, cues) / speed).toFixed(2);
    url = reducedMotion || frames.length < 2
      ? `/figures/${info.id}/${last}.svg${variantQuery(info, true)}`
      : `/figures/${info.id}.svg?frames=${frames.join(",")}&seconds=${seconds}${variantQuery(info, false)}`;
  }
  state.figure = { exercise: info.id, frame: last };
  setFigure(url, last, current.name, `/figures/${info.id}.svg`);
}

let figureToken = 0;

async function setFigure(url, frame, name, fallback) {
  // The drawing is fetched (the offline cache keeps it) and shown from a data: address of
  // its own, so its one-off move plays again at every repetition instead of being reused.
  const figure = $("p-figure");
  if (figure.dataset.url === url) return;
  const token = ++figureToken;
  figure.dataset.url = url;
  figure.dataset.frame = frame;
  figure.setAttribute("alt", `Drawing of ${name}`);
  if (reducedMotion) {
    figure.src = url; // a still frame: nothing to replay
    return;
  }
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = (await response.text()).replace("<svg ", `<svg data-step="${token}" `);
    if (token === figureToken) figure.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  } catch (err) {
    // Offline and never fetched: the looping drawing kept for offline use is better than none.
    if (token === figureToken) figure.src = fallback;
  }
}

// --- script navigation --------------------------------------------------------------------

function step(i = state.index) {
  return state.script.steps[i];
}

function exerciseNames() {
  return state.script.exercises.map((e) => e.id);
}

function nextExerciseStart(from) {
  const id = step(from).exercise_id;
  let i = from;
  while (i < state.script.steps.length && step(i).exercise_id === id) i += 1;
  return Math.min(i, state.script.steps.length - 1);
}

function elapsedBefore(i) {
  let total = 0;
  for (let k = 0; k < i; k += 1) total += state.script.steps[k].seconds;
  return total;
}

function formatLeft(seconds) {
  const s = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  if (minutes === 0) return `${rest} s left`;
  return `${minutes} min ${String(rest).padStart(2, "0")} s left`;
}

function sideWords(side) {
  return side ? `${side} side` : "";
}

function renderStep() {
  const current = step();
  const ids = exerciseNames();
  const position = ids.indexOf(current.exercise_id);
  $("p-count").textContent =
    current.kind === "done" ? "All exercises done" : `Exercise ${position + 1} of ${ids.length}`;
  $("p-name").textContent = current.name || "Done";
  $("p-text").textContent = current.text;
  const rep = current.rep && current.of_reps ? `${current.rep} of ${current.of_reps}` : "";
  const side = sideWords(current.side);
  $("p-rep").textContent = [rep, side].filter(Boolean).join(" · ");
  const nextIndex = nextExerciseStart(state.index);
  const next = step(nextIndex);
  $("p-next").textContent =
    next && next.exercise_id && next.exercise_id !== current.exercise_id ? `Next up: ${next.name}` : "";
  if (current.exercise_id) showFigure(current);
  renderClock();
}

function renderClock() {
  const current = step();
  const shown = Math.max(0, Math.ceil(state.remaining));
  $("p-seconds").textContent = String(shown);
  if (!reducedMotion) {
    const share = current.seconds > 0 ? state.remaining / current.seconds : 0;
    $("p-ring").setAttribute("stroke-dashoffset", String(RING * (1 - Math.max(0, Math.min(1, share)))));
  }
  const total = state.script.total_seconds || 1;
  const elapsed = elapsedBefore(state.index) + (current.seconds - state.remaining);
  $("p-bar").value = Math.round((1000 * elapsed) / total);
  $("p-left").textContent = formatLeft(total - elapsed);
}

function enterStep(i) {
  state.index = i;
  const current = step();
  state.remaining = current.seconds;
  renderStep();
  if (current.kind === "done") {
    finishExercises();
    return;
  }
  beep(current.kind === "hold" || current.kind === "move");
  say(current.text);
}

function completeStep() {
  const current = step();
  if (current.exercise_id && (current.kind === "hold" || current.kind === "move" || current.kind === "release")) {
    // A repetition counts once its last phase has finished.
    const following = step(state.index + 1);
    const closesRep =
      !following ||
      following.exercise_id !== current.exercise_id ||
      following.rep !== current.rep ||
      following.side !== current.side ||
      !["hold", "move", "release"].includes(following.kind);
    if (closesRep) resultFor(current.exercise_id).done.add(`${current.rep}|${current.side}`);
    if (current.kind === "hold" || current.kind === "move") resultFor(current.exercise_id).held = true;
  }
  const following = step(state.index + 1);
  if (current.exercise_id && (!following || following.exercise_id !== current.exercise_id)) {
    saveExercise(current.exercise_id, "finished");
  }
  enterStep(Math.min(state.index + 1, state.script.steps.length - 1));
}

function tick() {
  const now = performance.now();
  const delta = ((now - state.last) / 1000) * speed;
  state.last = now;
  if (state.paused) return;
  state.remaining -= delta;
  while (!state.paused && state.remaining <= 0 && step().kind !== "done") {
    const carry = -state.remaining;
    completeStep();
    if (step().kind === "done") break;
    state.remaining -= carry;
  }
  if (step().kind !== "done") renderClock();
}

function run() {
  state.paused = false;
  state.last = performance.now();
  $("p-pause").textContent = "Pause";
  setState("running");
  keepAwake();
  if (!state.timer) state.timer = setInterval(tick, 100);
}

function pause() {
  state.paused = true;
  $("p-pause").textContent = "Resume";
  setState("paused");
  if ("speechSynthesis" in window) window.speechSynthesis.cancel();
}

function jumpToNextExercise() {
  const i = nextExerciseStart(state.index);
  enterStep(i);
}

// --- buttons ------------------------------------------------------------------------------

// After a reload, carry on at the first exercise this session has not saved yet.
function firstStepToDo() {
  const i = state.script.steps.findIndex(
    (s) => s.kind === "done" || (s.exercise_id && !(state.results.get(s.exercise_id) || {}).saved),
  );
  return i < 0 ? state.script.steps.length - 1 : i;
}

$("p-begin").addEventListener("click", () => {
  if (!state.script) return;
  show("p-ready-panel", false);
  show("p-stage", true);
  enterStep(firstStepToDo());
  run();
  $("p-pause").focus();
});

$("p-pause").addEventListener("click", () => {
  if (state.paused) {
    run();
    say("Carry on");
  } else {
    pause();
    say("Paused");
  }
});

$("p-skip").addEventListener("click", () => {
  const current = step();
  if (!current.exercise_id) return;
  saveExercise(current.exercise_id, "skipped");
  jumpToNextExercise();
});

$("p-hurt").addEventListener("click", () => {
  const current = step();
  if (!current.exercise_id) return;
  pause();
  setState("hurt");
  show("p-stage", false);
  show("p-hurt-panel", true);
  say("Stop this exercise. How much does it hurt?");
  $("hurt-title").focus();
});

// The rule comes with the script from the server (sicoach.domain.hurting): a rating at or
// above `end_session_from` ends the session with rest advice; a lower one skips the move.
function endsSession(pain) {
  const rule = state.script.when_it_hurts;
  return pain !== null && rule !== undefined && pain >= rule.end_session_from;
}

function afterHurt(pain) {
  const current = step();
  resultFor(current.exercise_id).pain = pain;
  saveExercise(current.exercise_id, "hurt");
  show("p-hurt-panel", false);
  if (endsSession(pain)) {
    stopForPain(pain);
    return;
  }
  show("p-stage", true);
  jumpToNextExercise();
  if (step().kind !== "done") {
    run();
    $("p-pause").focus();
  }
}

document.querySelectorAll(".pain-choice").forEach((button) => {
  button.addEventListener("click", () => afterHurt(Number(button.dataset.pain)));
});
$("p-hurt-unsure").addEventListener("click", () => afterHurt(null));

$("p-mute").addEventListener("click", () => {
  state.muted = !state.muted;
  localStorage.setItem("sicoach-muted", state.muted ? "1" : "0");
  renderMute();
  if (state.muted && "speechSynthesis" in window) window.speechSynthesis.cancel();
});

function renderMute() {
  $("p-mute").setAttribute("aria-pressed", state.muted ? "true" : "false");
  $("p-mute").textContent = state.muted ? "Voice: off" : "Voice: on";
}

// --- the end ------------------------------------------------------------------------------

function finishExercises() {
  state.paused = true;
  clearInterval(state.timer);
  state.timer = null;
  if (state.wakeLock) state.wakeLock.release().catch(() => {});
  setState("ending");
  $("p-bar").value = 1000;
  $("p-left").textContent = "";
  show("p-stage", false);
  show("p-hurt-panel", false);
  show("p-end-panel", true);
  beep(true);
  say("Well done. How is your pain now?");
  $("end-title").focus();
}

async function stopForPain(pain) {
  state.paused = true;
  clearInterval(state.timer);
  state.timer = null;
  if (state.wakeLock) state.wakeLock.release().catch(() => {});
  $("p-count").textContent = "Session stopped";
  $("p-left").textContent = "";
  show("p-stage", false);
  show("p-stop-panel", true);
  setState("stopping");
  say($("stop-title").textContent);
  $("stop-title").focus();
  await savesSettled();
  const answer = await post(`/api/v1/sessions/${sessionId}/finish`, { pain_after: pain, partial: true });
  if (answer) setState("stopped");
}

document.querySelectorAll(".pain-after").forEach((button) => {
  button.addEventListener("click", async () => {
    document.querySelectorAll(".pain-after").forEach((b) => {
      b.disabled = true;
    });
    await savesSettled();
    const answer = await post(`/api/v1/sessions/${sessionId}/finish`, {
      pain_after: Number(button.dataset.pain),
      partial: false,
    });
    if (answer && answer.queued) {
      $("summary-title").textContent = "Session kept on this device";
    }
    showSummary(answer ? answer.summary : null, Number(button.dataset.pain));
  });
});

function showSummary(summary, painAfter) {
  const list = $("p-summary-list");
  list.replaceChildren();
  const add = (text) => {
    const item = document.createElement("li");
    item.textContent = text;
    list.appendChild(item);
  };
  // The server's summary counts what was saved; only when it could not be reached do we
  // list the endings seen here (a skip after some repetitions is part done, as the server says).
  let { done, hurt, skipped, part_done: partDone } = summary || {};
  if (!summary) {
    done = [];
    hurt = [];
    skipped = [];
    partDone = [];
    for (const info of state.script.exercises) {
      const result = state.results.get(info.id) || {};
      if (result.ending === "hurt") hurt.push(info.name);
      else if (result.ending === "finished") done.push(info.name);
      else if (result.held) partDone.push(info.name);
      else skipped.push(info.name);
    }
  }
  add(`Exercises done: ${done.length}${done.length ? ` (${done.join(", ")})` : ""}.`);
  if (partDone && partDone.length) add(`Part done: ${partDone.join(", ")}. What you did is kept.`);
  if (hurt.length) add(`It hurt: ${hurt.join(", ")}. We will skip it next time and offer it again later at the easiest level.`);
  if (skipped.length) add(`Skipped: ${skipped.join(", ")}.`);
  const before = summary && summary.pain_before !== null && summary.pain_before !== undefined ? summary.pain_before : null;
  add(before === null ? `Pain now: ${painAfter}.` : `Pain before: ${before}, pain now: ${painAfter}.`);
  show("p-end-panel", false);
  show("p-summary", true);
  setState("finished");
  $("summary-title").focus();
}

// --- start --------------------------------------------------------------------------------

async function load() {
  $("no-player").hidden = true;
  root.hidden = false;
  if (reducedMotion) root.classList.add("reduced-motion");
  renderMute();
  try {
    const response = await fetch("/api/v1/session/script", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    state.script = await response.json();
    const saved = await fetch(`/api/v1/sessions/${sessionId}/exercises`, { headers: { Accept: "application/json" } });
    if (!saved.ok) throw new Error(`HTTP ${saved.status}`);
    for (const r of (await saved.json()).exercises) {
      const result = resultFor(r.id);
      const ending = r.hurt ? "hurt" : r.skipped ? "skipped" : "finished";
      Object.assign(result, { ending, pain: r.pain, saved: true, held: r.reps > 0 });
    }
    await loadFigureCues();
  } catch (err) {
    $("p-count").textContent = "Sorry, the session could not be loaded. Go back to today and try again.";
    return;
  }
  // An exercise that hurt leaves today's script, yet it was saved in this session: count
  // every saved one, and the script's others.
  const done = state.results.size;
  const count = done + state.script.exercises.filter((e) => !state.results.has(e.id)).length;
  $("p-count").textContent = done
    ? `${count} exercise${count === 1 ? "" : "s"}; ${done} already saved in this session, so you carry on from the next one`
    : `${count} exercise${count === 1 ? "" : "s"}`;
  $("p-left").textContent = formatLeft(state.script.total_seconds);
  setState("ready");
  $("p-begin").disabled = false; // clickable only once the script is here
  $("p-begin").focus();
}

load();
