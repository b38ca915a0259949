export const id = 596;
export const ids = [596,215];
export const modules = {

/***/ 5596:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sweepLedger: () => (/* binding */ sweepLedger)
/* harmony export */ });
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5880);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(87);
// The deployments ledger as a sweep uses it (the executor's SweepLedger hook): after a preview is
// deleted, the deployments of its environment that still stand for it are marked inactive, so
// GitHub shows the preview's transient environment as destroyed. The ledger reads one environment
// at a time, so there is one per preview; they share one "off": a token without
// `deployments: write` is warned about once, not once per preview.

                                                       



/** A SweepLedger that retires deleted previews' deployments. */
function sweepLedger(opts                                    )              {
  let off = false;
  return {
    async markInactive(preview) {
      if (off) return;
      // A preview's environment is its name's: the `environment` input names one deploy's, not many.
      const ledger = (0,_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .openLedger */ .a)({ ...opts, environment: (0,_ledger_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentName */ .VE)(undefined, preview.name) });
      await ledger.retire(preview.id, "Preview deleted by the sweep");
      if (!ledger.active) off = true;
    },
  };
}


/***/ })

};

//# sourceMappingURL=596.index.js.map