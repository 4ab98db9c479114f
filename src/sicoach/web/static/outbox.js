// The outbox: what was saved while the phone had no connection waits here (IndexedDB) and
// is sent, in the order it was made, when the connection returns.
//
// Each entry's client id is its own address and body: an exercise result is keyed by its
// session and exercise, which the server accepts once (a second copy gets 409 "already
// saved" and counts as sent), and a session's end sets the same values again, so a retry
// never doubles a session.
"use strict";

const DB_NAME = "sicoach-outbox";
const STORE = "requests";

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function waiting() {
  return withStore("readonly", (store) => store.getAll());
}

async function remove(seq) {
  await withStore("readwrite", (store) => store.delete(seq));
}

async function keep(entry) {
  await withStore("readwrite", (store) => store.add(entry));
}

export async function showCount() {
  const line = document.getElementById("outbox-count");
  if (!line || !("indexedDB" in window)) return;
  const count = (await waiting()).length;
  line.hidden = count === 0 && refused.length === 0;
  const parts = [];
  if (count === 1) parts.push("1 result is saved on this device, waiting to be sent.");
  if (count > 1) parts.push(`${count} results are saved on this device, waiting to be sent.`);
  if (refused.length) parts.push(`${refused.length} could not be sent: the app no longer accepts it.`);
  line.textContent = parts.join(" ");
}

async function postOnce(url, body) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
}

// Sends `body`; if the network cannot be reached, keeps it in the outbox and answers
// {queued: true}. A server answer (even an error) is returned as the Response.
export async function send(url, body) {
  const queue = async () => {
    await keep({ url, body, madeAt: new Date().toISOString() });
    await showCount();
    return { queued: true };
  };
  // Behind anything still waiting, so the server sees results in the order they were made
  // (a session's end never arrives before its exercises).
  if ("indexedDB" in window && (await waiting()).length) {
    const queued = await queue();
    flush();
    return queued;
  }
  try {
    return await postOnce(url, body);
  } catch (error) {
    if (!("indexedDB" in window)) throw error;
    return queue();
  }
}

let flushing = null;
const refused = [];

// Sends what waits, oldest first; stops at the first entry the network cannot take.
export function flush() {
  if (flushing) return flushing;
  flushing = (async () => {
    try {
      for (const entry of await waiting()) {
        let response;
        try {
          response = await postOnce(entry.url, entry.body);
        } catch (error) {
          return; // still offline
        }
        // 5xx, or signed out / throttled: keep it and try again later.
        if (response.status >= 500 || [401, 403, 408, 429].includes(response.status)) return;
        // 2xx: sent. 409: the server has it already. Another 4xx can never succeed: say so,
        // and drop it rather than block everything after it.
        if (!response.ok && response.status !== 409) refused.push(entry);
        await remove(entry.seq);
      }
    } finally {
      flushing = null;
      await showCount();
    }
  })();
  return flushing;
}

if ("indexedDB" in window) {
  window.addEventListener("online", () => flush());
  flush();
}
