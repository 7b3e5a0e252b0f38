
// src/report/host-values.ts
var HOST_VALUES_SHOWN = 16;
function capHostValues(values, opts = {}) {
  if (opts.allHostValues || values.length <= HOST_VALUES_SHOWN) return { hostValues: values };
  return { hostValues: values.slice(0, HOST_VALUES_SHOWN), hostValuesTotal: values.length };
}
function hostValueCount(e) {
  return e.hostValuesTotal ?? e.hostValues?.length ?? 0;
}

export {
  capHostValues,
  hostValueCount
};
