// @ts-check
// confirm.js — `lv-confirm`: asking the user before an event goes. Asking is async, so events.js
// cancels the click or submit at once (nothing navigates, toggles or submits while the question
// is open) and runs the binding, with the payload read at click time, after a yes.
//
// The question goes to Rust first: `confirm {question}` → `{confirmed}` opens a native dialog.
// When that command rejects — `no_native_dialog`, `no_ipc`, a missing command or permission, any
// error at all — the webview's own `window.confirm` (`nav.confirm`) asks instead, which returns a
// boolean or, with tauri-plugin-dialog, a Promise. Only the value `true` (after awaiting) is yes:
// `'yes'`, `1`, `undefined`, a Promise of anything else, a throw, a malformed reply — all no.

/**
 * Asks `questions` one after the other; true only when every answer is yes (stops at the first
 * no). Never rejects.
 * @param {string[]} questions
 * @returns {Promise<boolean>}
 */
async function confirmAll(questions) {
  for (const question of questions) {
    if (!(await askUser(question))) return false;
  }
  return true;
}

/**
 * Asks one question: the native dialog Rust opens, else the webview's confirm. Never rejects.
 * @param {string} question
 * @returns {Promise<boolean>}
 */
async function askUser(question) {
  let reply;
  try {
    reply = await invoke(CMD.confirm, { question });
  } catch (_) {
    return askWebview(question);
  }
  const problems = validateConfirmReply(reply);
  if (problems.length) {
    console.error(`[golivekit] ${CLIENT_ERROR.badMessage}: confirm reply: ${problems.join('; ')}; taken as no`, reply);
    return false;
  }
  return reply.confirmed === true;
}

/**
 * The webview's own confirm dialog; only a (possibly awaited) `true` is yes. Never rejects.
 * @param {string} question
 * @returns {Promise<boolean>}
 */
async function askWebview(question) {
  try {
    return (await nav.confirm(question)) === true;
  } catch (err) {
    console.error('[golivekit] the confirm dialog failed; taken as no', err);
    return false;
  }
}
