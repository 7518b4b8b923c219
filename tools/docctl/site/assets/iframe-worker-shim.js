/* docctl: a small Web Worker stand-in for sites opened from file:// (no CDN, no network).
 * Browsers refuse `new Worker(...)` for file:// URLs, so Material's search would not start.
 * On file:// this replaces `Worker` with an object that runs the worker script inside a hidden
 * same-origin iframe; messages travel with postMessage / dispatchEvent. Material's search worker
 * looks for `IFrameWorker` on its parent and then awaits `importScripts` (a Promise here). */
(function () {
  "use strict";
  if (location.protocol !== "file:" || window.IFrameWorker) return;

  function runtime() {
    window.postMessage = function (message) { parent.postMessage(message, "*"); };
    window.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (ready, url) {
        return ready.then(function () {
          return new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = url;
            script.onload = function () { resolve(); };
            script.onerror = function () { reject(new Error("cannot load " + url)); };
            document.body.appendChild(script);
          });
        });
      }, Promise.resolve());
    };
  }

  class IFrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      document.body.appendChild(this.frame);
      var win = this.frame.contentWindow;
      win.document.open();
      win.document.write("<!doctype html><html><body><script>(" + runtime.toString() + ")();<\/script>" +
                         "<script src=\"" + String(url).replace(/"/g, "&quot;") + "\"><\/script></body></html>");
      win.document.close();
      // document.open() erases the window's listeners: wait for load only now (scripts load asynchronously)
      this.ready = new Promise(function (resolve) { win.addEventListener("load", resolve); });
      this.listener = this.receive.bind(this);
      window.addEventListener("message", this.listener);
    }
    receive(event) {
      if (!this.frame.contentWindow || event.source !== this.frame.contentWindow) return;
      var copy = new MessageEvent("message", { data: event.data });
      this.dispatchEvent(copy);
      if (typeof this.onmessage === "function") this.onmessage(copy);
    }
    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        if (frame.contentWindow) frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: data }));
      });
    }
    terminate() {
      window.removeEventListener("message", this.listener);
      this.frame.remove();
    }
  }

  window.IFrameWorker = IFrameWorker;
  window.Worker = IFrameWorker;
})();
