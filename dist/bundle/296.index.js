export const id = 296;
export const ids = [296];
export const modules = {

/***/ 1296:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
// Entry of dist/index.js, the main step. The workflow being cancelled reaches us as SIGINT, then
// SIGTERM 7.5 s later, then a kill: one root AbortController turns the first signal into an
// orderly stop. Loaded through src/steps.ts by dist/index.js.

const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"]         ) {
  process.on(signal, () => controller.abort(new Error(`received ${signal}: the workflow was cancelled`)));
}

const { run } = await Promise.all(/* import() */[__webpack_require__.e(979), __webpack_require__.e(880), __webpack_require__.e(216), __webpack_require__.e(29)]).then(__webpack_require__.bind(__webpack_require__, 8029));
await run({ signal: controller.signal });
// Keep-alive sockets or a lingering timer must not hold a cancelled run past the runner's kill.
if (controller.signal.aborted) process.exit();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};

//# sourceMappingURL=296.index.js.map