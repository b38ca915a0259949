export const id = 235;
export const ids = [235];
export const modules = {

/***/ 2235:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
// Entry of dist/post.js, the post step (action.yml `runs.post`, always run, also after a
// cancellation). An entry of its own: it loads no deploy code, so a post step can never create or
// update an endpoint, whatever state the main step left (or failed to leave). Signals as in the
// main entry.
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]         ) {
  process.on(signal, () => controller.abort(new Error(`received ${signal}: the workflow was cancelled`)));
}

const { run } = await Promise.all(/* import() */[__webpack_require__.e(979), __webpack_require__.e(216), __webpack_require__.e(212)]).then(__webpack_require__.bind(__webpack_require__, 2212));
await run({ signal: controller.signal });
if (controller.signal.aborted) process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};

//# sourceMappingURL=235.index.js.map