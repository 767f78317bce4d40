// Page script of the demo app's examples: client hooks (`lv-hook`). Loaded by the examples'
// layout (`examples/src/lib.rs`) as `/examples.js`, an app asset, so the CSP (`script-src 'self'`)
// allows it. Hooks are plain objects; the bridge reads `window.golivekitHooks` when it boots.
window.golivekitHooks = {
  // examples/src/board.rs: a card's title field takes the focus (caret at the end) when it appears.
  AutoFocus: {
    mounted() {
      this.el.focus();
      const end = this.el.value.length;
      this.el.setSelectionRange(end, end);
    },
  },
  // examples/src/socket.rs: shows each `socket.send("pong", {n})` as it arrives, with no server render.
  PongHook: {
    mounted() {
      this.handleEvent('pong', (payload) => {
        this.el.textContent = `The hook saw pong ${payload.n}`;
      });
    },
  },
};
