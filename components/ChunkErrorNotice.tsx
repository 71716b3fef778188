/**
 * Plain ES5 and the DOM only: it must run, and show the notice, when React and Next never load. It listens
 * before any chunk can fail (in the capture phase on window, where a <script>'s error event is seen although
 * it does not bubble) and for a ChunkLoadError from a chunk loaded later on. The notice waits for the end of
 * the HTML so it never lands between server-rendered nodes that React may still hydrate. Styled inline:
 * the stylesheet may be one of the files that failed.
 */
const script = `(function () {
  var shown = false;
  function isChunk(url) {
    return typeof url === "string" && url.indexOf("/_next/static/") !== -1;
  }
  function build() {
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.className = "chunk-error";
    box.style.cssText =
      "position:fixed;left:16px;right:16px;bottom:16px;z-index:2147483647;display:flex;flex-wrap:wrap;" +
      "align-items:center;gap:8px 16px;margin:0 auto;max-width:40rem;padding:12px 16px;" +
      "font:15px/1.45 system-ui,sans-serif;color:#1a1d24;background:#fff;border:2px solid #a4262c;" +
      "border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.2)";
    var text = document.createElement("p");
    text.style.margin = "0";
    text.textContent = "Part of the page failed to load.";
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Reload";
    button.style.cssText = "font:inherit;padding:4px 14px;cursor:pointer";
    button.addEventListener("click", function () {
      window.location.reload();
    });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
  }
  function show() {
    if (shown) return;
    shown = true;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
    else build();
  }
  function isChunkLoadError(error) {
    return !!error && error.name === "ChunkLoadError";
  }
  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName === "SCRIPT" && isChunk(target.src)) show();
      else if (isChunkLoadError(event.error)) show();
    },
    true
  );
  window.addEventListener("unhandledrejection", function (event) {
    if (isChunkLoadError(event.reason)) show();
  });
})();`;

/**
 * The "part of the page failed to load" notice: an inline script, first in <head> so it is listening before
 * Next's chunks start loading. A server that dies mid-load otherwise leaves server-rendered controls that
 * look ready but never respond. It carries the request's CSP nonce (app/layout.tsx reads it from `x-nonce`).
 */
export function ChunkErrorNotice({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
