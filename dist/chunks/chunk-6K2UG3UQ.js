import {
  unavailableOf
} from "./chunk-3OLLROG6.js";
import {
  parseSource,
  positionOf,
  schemaDiagnostics,
  throwFirstError
} from "./chunk-CC76JYNC.js";
import {
  displayName,
  textPosition
} from "./chunk-LOFLUJHY.js";
import {
  InputError,
  LIMITS,
  formatBytes,
  quote
} from "./chunk-TS22JX7Z.js";
import {
  __export
} from "./chunk-R5CBN7CG.js";

// src/features/snapshot-schema.validate.ts
var snapshot_schema_validate_exports = {};
__export(snapshot_schema_validate_exports, {
  features: () => features,
  list: () => list,
  node: () => node
});
var features = validate10;
var schema11 = {
  type: "object",
  additionalProperties: false,
  properties: {
    flags: {
      type: ["object", "null"],
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: {
          elements: { type: ["object", "null"], additionalProperties: { type: ["object", "null"] } }
        }
      }
    },
    attributes: {
      type: ["object", "null"],
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: { elements: { type: ["object", "null"], additionalProperties: { type: "string" } } }
      }
    },
    instances: {
      type: ["object", "null"],
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        properties: {
          elements: {
            type: ["array", "null"],
            items: {
              type: "object",
              additionalProperties: false,
              properties: {
                attributes: { type: ["object", "null"], additionalProperties: { type: "string" } }
              }
            }
          }
        }
      }
    }
  }
};
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    for (const key0 in data) {
      if (!(key0 === "flags" || key0 === "attributes" || key0 === "instances")) {
        const err0 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema11,
          data
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
    if (data.flags !== void 0) {
      let data0 = data.flags;
      if (!(data0 && typeof data0 == "object" && !Array.isArray(data0)) && data0 !== null) {
        const err1 = {
          instancePath: instancePath + "/flags",
          schemaPath: "#/properties/flags/type",
          keyword: "type",
          params: { type: schema11.properties.flags.type },
          message: "must be object,null",
          schema: schema11.properties.flags.type,
          parentSchema: schema11.properties.flags,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
      if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
        for (const key1 in data0) {
          let data1 = data0[key1];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            for (const key2 in data1) {
              if (!(key2 === "elements")) {
                const err2 = {
                  instancePath: instancePath + "/flags/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/properties/flags/additionalProperties/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key2 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema11.properties.flags.additionalProperties,
                  data: data1
                };
                if (vErrors === null) {
                  vErrors = [err2];
                } else {
                  vErrors.push(err2);
                }
                errors++;
              }
            }
            if (data1.elements !== void 0) {
              let data2 = data1.elements;
              if (!(data2 && typeof data2 == "object" && !Array.isArray(data2)) && data2 !== null) {
                const err3 = {
                  instancePath: instancePath + "/flags/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                  schemaPath: "#/properties/flags/additionalProperties/properties/elements/type",
                  keyword: "type",
                  params: { type: schema11.properties.flags.additionalProperties.properties.elements.type },
                  message: "must be object,null",
                  schema: schema11.properties.flags.additionalProperties.properties.elements.type,
                  parentSchema: schema11.properties.flags.additionalProperties.properties.elements,
                  data: data2
                };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
              if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
                for (const key3 in data2) {
                  let data3 = data2[key3];
                  if (!(data3 && typeof data3 == "object" && !Array.isArray(data3)) && data3 !== null) {
                    const err4 = {
                      instancePath: instancePath + "/flags/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),
                      schemaPath: "#/properties/flags/additionalProperties/properties/elements/additionalProperties/type",
                      keyword: "type",
                      params: {
                        type: schema11.properties.flags.additionalProperties.properties.elements.additionalProperties.type
                      },
                      message: "must be object,null",
                      schema: schema11.properties.flags.additionalProperties.properties.elements.additionalProperties.type,
                      parentSchema: schema11.properties.flags.additionalProperties.properties.elements.additionalProperties,
                      data: data3
                    };
                    if (vErrors === null) {
                      vErrors = [err4];
                    } else {
                      vErrors.push(err4);
                    }
                    errors++;
                  }
                }
              }
            }
          } else {
            const err5 = {
              instancePath: instancePath + "/flags/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/flags/additionalProperties/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema11.properties.flags.additionalProperties.type,
              parentSchema: schema11.properties.flags.additionalProperties,
              data: data1
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
      }
    }
    if (data.attributes !== void 0) {
      let data4 = data.attributes;
      if (!(data4 && typeof data4 == "object" && !Array.isArray(data4)) && data4 !== null) {
        const err6 = {
          instancePath: instancePath + "/attributes",
          schemaPath: "#/properties/attributes/type",
          keyword: "type",
          params: { type: schema11.properties.attributes.type },
          message: "must be object,null",
          schema: schema11.properties.attributes.type,
          parentSchema: schema11.properties.attributes,
          data: data4
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
        for (const key4 in data4) {
          let data5 = data4[key4];
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            for (const key5 in data5) {
              if (!(key5 === "elements")) {
                const err7 = {
                  instancePath: instancePath + "/attributes/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/properties/attributes/additionalProperties/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key5 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema11.properties.attributes.additionalProperties,
                  data: data5
                };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
            if (data5.elements !== void 0) {
              let data6 = data5.elements;
              if (!(data6 && typeof data6 == "object" && !Array.isArray(data6)) && data6 !== null) {
                const err8 = {
                  instancePath: instancePath + "/attributes/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                  schemaPath: "#/properties/attributes/additionalProperties/properties/elements/type",
                  keyword: "type",
                  params: {
                    type: schema11.properties.attributes.additionalProperties.properties.elements.type
                  },
                  message: "must be object,null",
                  schema: schema11.properties.attributes.additionalProperties.properties.elements.type,
                  parentSchema: schema11.properties.attributes.additionalProperties.properties.elements,
                  data: data6
                };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
              if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                for (const key6 in data6) {
                  let data7 = data6[key6];
                  if (typeof data7 !== "string") {
                    const err9 = {
                      instancePath: instancePath + "/attributes/" + key4.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),
                      schemaPath: "#/properties/attributes/additionalProperties/properties/elements/additionalProperties/type",
                      keyword: "type",
                      params: { type: "string" },
                      message: "must be string",
                      schema: schema11.properties.attributes.additionalProperties.properties.elements.additionalProperties.type,
                      parentSchema: schema11.properties.attributes.additionalProperties.properties.elements.additionalProperties,
                      data: data7
                    };
                    if (vErrors === null) {
                      vErrors = [err9];
                    } else {
                      vErrors.push(err9);
                    }
                    errors++;
                  }
                }
              }
            }
          } else {
            const err10 = {
              instancePath: instancePath + "/attributes/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/attributes/additionalProperties/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema11.properties.attributes.additionalProperties.type,
              parentSchema: schema11.properties.attributes.additionalProperties,
              data: data5
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      }
    }
    if (data.instances !== void 0) {
      let data8 = data.instances;
      if (!(data8 && typeof data8 == "object" && !Array.isArray(data8)) && data8 !== null) {
        const err11 = {
          instancePath: instancePath + "/instances",
          schemaPath: "#/properties/instances/type",
          keyword: "type",
          params: { type: schema11.properties.instances.type },
          message: "must be object,null",
          schema: schema11.properties.instances.type,
          parentSchema: schema11.properties.instances,
          data: data8
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
      if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
        for (const key7 in data8) {
          let data9 = data8[key7];
          if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
            for (const key8 in data9) {
              if (!(key8 === "elements")) {
                const err12 = {
                  instancePath: instancePath + "/instances/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/properties/instances/additionalProperties/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key8 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema11.properties.instances.additionalProperties,
                  data: data9
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
            if (data9.elements !== void 0) {
              let data10 = data9.elements;
              if (!Array.isArray(data10) && data10 !== null) {
                const err13 = {
                  instancePath: instancePath + "/instances/" + key7.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                  schemaPath: "#/properties/instances/additionalProperties/properties/elements/type",
                  keyword: "type",
                  params: {
                    type: schema11.properties.instances.additionalProperties.properties.elements.type
                  },
                  message: "must be array,null",
                  schema: schema11.properties.instances.additionalProperties.properties.elements.type,
                  parentSchema: schema11.properties.instances.additionalProperties.properties.elements,
                  data: data10
                };
                if (vErrors === null) {
                  vErrors = [err13];
                } else {
                  vErrors.push(err13);
                }
                errors++;
              }
              if (Array.isArray(data10)) {
                const len0 = data10.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data11 = data10[i0];
                  if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                    for (const key9 in data11) {
                      if (!(key9 === "attributes")) {
                        const err14 = {
                          instancePath: instancePath + "/instances/" + key7.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0,
                          schemaPath: "#/properties/instances/additionalProperties/properties/elements/items/additionalProperties",
                          keyword: "additionalProperties",
                          params: { additionalProperty: key9 },
                          message: "must NOT have additional properties",
                          schema: false,
                          parentSchema: schema11.properties.instances.additionalProperties.properties.elements.items,
                          data: data11
                        };
                        if (vErrors === null) {
                          vErrors = [err14];
                        } else {
                          vErrors.push(err14);
                        }
                        errors++;
                      }
                    }
                    if (data11.attributes !== void 0) {
                      let data12 = data11.attributes;
                      if (!(data12 && typeof data12 == "object" && !Array.isArray(data12)) && data12 !== null) {
                        const err15 = {
                          instancePath: instancePath + "/instances/" + key7.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0 + "/attributes",
                          schemaPath: "#/properties/instances/additionalProperties/properties/elements/items/properties/attributes/type",
                          keyword: "type",
                          params: {
                            type: schema11.properties.instances.additionalProperties.properties.elements.items.properties.attributes.type
                          },
                          message: "must be object,null",
                          schema: schema11.properties.instances.additionalProperties.properties.elements.items.properties.attributes.type,
                          parentSchema: schema11.properties.instances.additionalProperties.properties.elements.items.properties.attributes,
                          data: data12
                        };
                        if (vErrors === null) {
                          vErrors = [err15];
                        } else {
                          vErrors.push(err15);
                        }
                        errors++;
                      }
                      if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                        for (const key10 in data12) {
                          let data13 = data12[key10];
                          if (typeof data13 !== "string") {
                            const err16 = {
                              instancePath: instancePath + "/instances/" + key7.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0 + "/attributes/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),
                              schemaPath: "#/properties/instances/additionalProperties/properties/elements/items/properties/attributes/additionalProperties/type",
                              keyword: "type",
                              params: { type: "string" },
                              message: "must be string",
                              schema: schema11.properties.instances.additionalProperties.properties.elements.items.properties.attributes.additionalProperties.type,
                              parentSchema: schema11.properties.instances.additionalProperties.properties.elements.items.properties.attributes.additionalProperties,
                              data: data13
                            };
                            if (vErrors === null) {
                              vErrors = [err16];
                            } else {
                              vErrors.push(err16);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                  } else {
                    const err17 = {
                      instancePath: instancePath + "/instances/" + key7.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0,
                      schemaPath: "#/properties/instances/additionalProperties/properties/elements/items/type",
                      keyword: "type",
                      params: { type: "object" },
                      message: "must be object",
                      schema: schema11.properties.instances.additionalProperties.properties.elements.items.type,
                      parentSchema: schema11.properties.instances.additionalProperties.properties.elements.items,
                      data: data11
                    };
                    if (vErrors === null) {
                      vErrors = [err17];
                    } else {
                      vErrors.push(err17);
                    }
                    errors++;
                  }
                }
              }
            }
          } else {
            const err18 = {
              instancePath: instancePath + "/instances/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/instances/additionalProperties/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema11.properties.instances.additionalProperties.type,
              parentSchema: schema11.properties.instances.additionalProperties,
              data: data9
            };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
      }
    }
  } else {
    const err19 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema11.type,
      parentSchema: schema11,
      data
    };
    if (vErrors === null) {
      vErrors = [err19];
    } else {
      vErrors.push(err19);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
var node = validate11;
var schema12 = {
  type: "object",
  required: ["kind", "metadata"],
  properties: {
    kind: { const: "NodeFeature" },
    metadata: {
      type: "object",
      properties: {
        name: { type: "string" },
        namespace: { type: "string" },
        labels: { type: "object", additionalProperties: { type: "string" } }
      }
    },
    spec: {
      type: "object",
      properties: {
        features: {
          type: "object",
          additionalProperties: false,
          properties: {
            flags: {
              type: ["object", "null"],
              additionalProperties: {
                type: "object",
                additionalProperties: false,
                properties: {
                  elements: { type: ["object", "null"], additionalProperties: { type: ["object", "null"] } }
                }
              }
            },
            attributes: {
              type: ["object", "null"],
              additionalProperties: {
                type: "object",
                additionalProperties: false,
                properties: {
                  elements: { type: ["object", "null"], additionalProperties: { type: "string" } }
                }
              }
            },
            instances: {
              type: ["object", "null"],
              additionalProperties: {
                type: "object",
                additionalProperties: false,
                properties: {
                  elements: {
                    type: ["array", "null"],
                    items: {
                      type: "object",
                      additionalProperties: false,
                      properties: {
                        attributes: { type: ["object", "null"], additionalProperties: { type: "string" } }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        labels: { type: ["object", "null"], additionalProperties: { type: "string" } }
      }
    }
  }
};
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.kind === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "kind" },
        message: "must have required property 'kind'",
        schema: schema12.required,
        parentSchema: schema12,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "metadata" },
        message: "must have required property 'metadata'",
        schema: schema12.required,
        parentSchema: schema12,
        data
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.kind !== void 0) {
      let data0 = data.kind;
      if ("NodeFeature" !== data0) {
        const err2 = {
          instancePath: instancePath + "/kind",
          schemaPath: "#/properties/kind/const",
          keyword: "const",
          params: { allowedValue: "NodeFeature" },
          message: "must be equal to constant",
          schema: "NodeFeature",
          parentSchema: schema12.properties.kind,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data1 = data.metadata;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        if (data1.name !== void 0) {
          let data2 = data1.name;
          if (typeof data2 !== "string") {
            const err3 = {
              instancePath: instancePath + "/metadata/name",
              schemaPath: "#/properties/metadata/properties/name/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema12.properties.metadata.properties.name.type,
              parentSchema: schema12.properties.metadata.properties.name,
              data: data2
            };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data1.namespace !== void 0) {
          let data3 = data1.namespace;
          if (typeof data3 !== "string") {
            const err4 = {
              instancePath: instancePath + "/metadata/namespace",
              schemaPath: "#/properties/metadata/properties/namespace/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema12.properties.metadata.properties.namespace.type,
              parentSchema: schema12.properties.metadata.properties.namespace,
              data: data3
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data1.labels !== void 0) {
          let data4 = data1.labels;
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            for (const key0 in data4) {
              let data5 = data4[key0];
              if (typeof data5 !== "string") {
                const err5 = {
                  instancePath: instancePath + "/metadata/labels/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/properties/metadata/properties/labels/additionalProperties/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema12.properties.metadata.properties.labels.additionalProperties.type,
                  parentSchema: schema12.properties.metadata.properties.labels.additionalProperties,
                  data: data5
                };
                if (vErrors === null) {
                  vErrors = [err5];
                } else {
                  vErrors.push(err5);
                }
                errors++;
              }
            }
          } else {
            const err6 = {
              instancePath: instancePath + "/metadata/labels",
              schemaPath: "#/properties/metadata/properties/labels/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema12.properties.metadata.properties.labels.type,
              parentSchema: schema12.properties.metadata.properties.labels,
              data: data4
            };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
      } else {
        const err7 = {
          instancePath: instancePath + "/metadata",
          schemaPath: "#/properties/metadata/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema12.properties.metadata.type,
          parentSchema: schema12.properties.metadata,
          data: data1
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.spec !== void 0) {
      let data6 = data.spec;
      if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
        if (data6.features !== void 0) {
          let data7 = data6.features;
          if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
            for (const key1 in data7) {
              if (!(key1 === "flags" || key1 === "attributes" || key1 === "instances")) {
                const err8 = {
                  instancePath: instancePath + "/spec/features",
                  schemaPath: "#/properties/spec/properties/features/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key1 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema12.properties.spec.properties.features,
                  data: data7
                };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data7.flags !== void 0) {
              let data8 = data7.flags;
              if (!(data8 && typeof data8 == "object" && !Array.isArray(data8)) && data8 !== null) {
                const err9 = {
                  instancePath: instancePath + "/spec/features/flags",
                  schemaPath: "#/properties/spec/properties/features/properties/flags/type",
                  keyword: "type",
                  params: { type: schema12.properties.spec.properties.features.properties.flags.type },
                  message: "must be object,null",
                  schema: schema12.properties.spec.properties.features.properties.flags.type,
                  parentSchema: schema12.properties.spec.properties.features.properties.flags,
                  data: data8
                };
                if (vErrors === null) {
                  vErrors = [err9];
                } else {
                  vErrors.push(err9);
                }
                errors++;
              }
              if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                for (const key2 in data8) {
                  let data9 = data8[key2];
                  if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                    for (const key3 in data9) {
                      if (!(key3 === "elements")) {
                        const err10 = {
                          instancePath: instancePath + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
                          schemaPath: "#/properties/spec/properties/features/properties/flags/additionalProperties/additionalProperties",
                          keyword: "additionalProperties",
                          params: { additionalProperty: key3 },
                          message: "must NOT have additional properties",
                          schema: false,
                          parentSchema: schema12.properties.spec.properties.features.properties.flags.additionalProperties,
                          data: data9
                        };
                        if (vErrors === null) {
                          vErrors = [err10];
                        } else {
                          vErrors.push(err10);
                        }
                        errors++;
                      }
                    }
                    if (data9.elements !== void 0) {
                      let data10 = data9.elements;
                      if (!(data10 && typeof data10 == "object" && !Array.isArray(data10)) && data10 !== null) {
                        const err11 = {
                          instancePath: instancePath + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                          schemaPath: "#/properties/spec/properties/features/properties/flags/additionalProperties/properties/elements/type",
                          keyword: "type",
                          params: {
                            type: schema12.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.type
                          },
                          message: "must be object,null",
                          schema: schema12.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.type,
                          parentSchema: schema12.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements,
                          data: data10
                        };
                        if (vErrors === null) {
                          vErrors = [err11];
                        } else {
                          vErrors.push(err11);
                        }
                        errors++;
                      }
                      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                        for (const key4 in data10) {
                          let data11 = data10[key4];
                          if (!(data11 && typeof data11 == "object" && !Array.isArray(data11)) && data11 !== null) {
                            const err12 = {
                              instancePath: instancePath + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),
                              schemaPath: "#/properties/spec/properties/features/properties/flags/additionalProperties/properties/elements/additionalProperties/type",
                              keyword: "type",
                              params: {
                                type: schema12.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.additionalProperties.type
                              },
                              message: "must be object,null",
                              schema: schema12.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.additionalProperties.type,
                              parentSchema: schema12.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.additionalProperties,
                              data: data11
                            };
                            if (vErrors === null) {
                              vErrors = [err12];
                            } else {
                              vErrors.push(err12);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                  } else {
                    const err13 = {
                      instancePath: instancePath + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
                      schemaPath: "#/properties/spec/properties/features/properties/flags/additionalProperties/type",
                      keyword: "type",
                      params: { type: "object" },
                      message: "must be object",
                      schema: schema12.properties.spec.properties.features.properties.flags.additionalProperties.type,
                      parentSchema: schema12.properties.spec.properties.features.properties.flags.additionalProperties,
                      data: data9
                    };
                    if (vErrors === null) {
                      vErrors = [err13];
                    } else {
                      vErrors.push(err13);
                    }
                    errors++;
                  }
                }
              }
            }
            if (data7.attributes !== void 0) {
              let data12 = data7.attributes;
              if (!(data12 && typeof data12 == "object" && !Array.isArray(data12)) && data12 !== null) {
                const err14 = {
                  instancePath: instancePath + "/spec/features/attributes",
                  schemaPath: "#/properties/spec/properties/features/properties/attributes/type",
                  keyword: "type",
                  params: { type: schema12.properties.spec.properties.features.properties.attributes.type },
                  message: "must be object,null",
                  schema: schema12.properties.spec.properties.features.properties.attributes.type,
                  parentSchema: schema12.properties.spec.properties.features.properties.attributes,
                  data: data12
                };
                if (vErrors === null) {
                  vErrors = [err14];
                } else {
                  vErrors.push(err14);
                }
                errors++;
              }
              if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                for (const key5 in data12) {
                  let data13 = data12[key5];
                  if (data13 && typeof data13 == "object" && !Array.isArray(data13)) {
                    for (const key6 in data13) {
                      if (!(key6 === "elements")) {
                        const err15 = {
                          instancePath: instancePath + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),
                          schemaPath: "#/properties/spec/properties/features/properties/attributes/additionalProperties/additionalProperties",
                          keyword: "additionalProperties",
                          params: { additionalProperty: key6 },
                          message: "must NOT have additional properties",
                          schema: false,
                          parentSchema: schema12.properties.spec.properties.features.properties.attributes.additionalProperties,
                          data: data13
                        };
                        if (vErrors === null) {
                          vErrors = [err15];
                        } else {
                          vErrors.push(err15);
                        }
                        errors++;
                      }
                    }
                    if (data13.elements !== void 0) {
                      let data14 = data13.elements;
                      if (!(data14 && typeof data14 == "object" && !Array.isArray(data14)) && data14 !== null) {
                        const err16 = {
                          instancePath: instancePath + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                          schemaPath: "#/properties/spec/properties/features/properties/attributes/additionalProperties/properties/elements/type",
                          keyword: "type",
                          params: {
                            type: schema12.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.type
                          },
                          message: "must be object,null",
                          schema: schema12.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.type,
                          parentSchema: schema12.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements,
                          data: data14
                        };
                        if (vErrors === null) {
                          vErrors = [err16];
                        } else {
                          vErrors.push(err16);
                        }
                        errors++;
                      }
                      if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                        for (const key7 in data14) {
                          let data15 = data14[key7];
                          if (typeof data15 !== "string") {
                            const err17 = {
                              instancePath: instancePath + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),
                              schemaPath: "#/properties/spec/properties/features/properties/attributes/additionalProperties/properties/elements/additionalProperties/type",
                              keyword: "type",
                              params: { type: "string" },
                              message: "must be string",
                              schema: schema12.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.additionalProperties.type,
                              parentSchema: schema12.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.additionalProperties,
                              data: data15
                            };
                            if (vErrors === null) {
                              vErrors = [err17];
                            } else {
                              vErrors.push(err17);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                  } else {
                    const err18 = {
                      instancePath: instancePath + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),
                      schemaPath: "#/properties/spec/properties/features/properties/attributes/additionalProperties/type",
                      keyword: "type",
                      params: { type: "object" },
                      message: "must be object",
                      schema: schema12.properties.spec.properties.features.properties.attributes.additionalProperties.type,
                      parentSchema: schema12.properties.spec.properties.features.properties.attributes.additionalProperties,
                      data: data13
                    };
                    if (vErrors === null) {
                      vErrors = [err18];
                    } else {
                      vErrors.push(err18);
                    }
                    errors++;
                  }
                }
              }
            }
            if (data7.instances !== void 0) {
              let data16 = data7.instances;
              if (!(data16 && typeof data16 == "object" && !Array.isArray(data16)) && data16 !== null) {
                const err19 = {
                  instancePath: instancePath + "/spec/features/instances",
                  schemaPath: "#/properties/spec/properties/features/properties/instances/type",
                  keyword: "type",
                  params: { type: schema12.properties.spec.properties.features.properties.instances.type },
                  message: "must be object,null",
                  schema: schema12.properties.spec.properties.features.properties.instances.type,
                  parentSchema: schema12.properties.spec.properties.features.properties.instances,
                  data: data16
                };
                if (vErrors === null) {
                  vErrors = [err19];
                } else {
                  vErrors.push(err19);
                }
                errors++;
              }
              if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
                for (const key8 in data16) {
                  let data17 = data16[key8];
                  if (data17 && typeof data17 == "object" && !Array.isArray(data17)) {
                    for (const key9 in data17) {
                      if (!(key9 === "elements")) {
                        const err20 = {
                          instancePath: instancePath + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),
                          schemaPath: "#/properties/spec/properties/features/properties/instances/additionalProperties/additionalProperties",
                          keyword: "additionalProperties",
                          params: { additionalProperty: key9 },
                          message: "must NOT have additional properties",
                          schema: false,
                          parentSchema: schema12.properties.spec.properties.features.properties.instances.additionalProperties,
                          data: data17
                        };
                        if (vErrors === null) {
                          vErrors = [err20];
                        } else {
                          vErrors.push(err20);
                        }
                        errors++;
                      }
                    }
                    if (data17.elements !== void 0) {
                      let data18 = data17.elements;
                      if (!Array.isArray(data18) && data18 !== null) {
                        const err21 = {
                          instancePath: instancePath + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                          schemaPath: "#/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/type",
                          keyword: "type",
                          params: {
                            type: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.type
                          },
                          message: "must be array,null",
                          schema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.type,
                          parentSchema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements,
                          data: data18
                        };
                        if (vErrors === null) {
                          vErrors = [err21];
                        } else {
                          vErrors.push(err21);
                        }
                        errors++;
                      }
                      if (Array.isArray(data18)) {
                        const len0 = data18.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data19 = data18[i0];
                          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                            for (const key10 in data19) {
                              if (!(key10 === "attributes")) {
                                const err22 = {
                                  instancePath: instancePath + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0,
                                  schemaPath: "#/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/additionalProperties",
                                  keyword: "additionalProperties",
                                  params: { additionalProperty: key10 },
                                  message: "must NOT have additional properties",
                                  schema: false,
                                  parentSchema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items,
                                  data: data19
                                };
                                if (vErrors === null) {
                                  vErrors = [err22];
                                } else {
                                  vErrors.push(err22);
                                }
                                errors++;
                              }
                            }
                            if (data19.attributes !== void 0) {
                              let data20 = data19.attributes;
                              if (!(data20 && typeof data20 == "object" && !Array.isArray(data20)) && data20 !== null) {
                                const err23 = {
                                  instancePath: instancePath + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0 + "/attributes",
                                  schemaPath: "#/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/properties/attributes/type",
                                  keyword: "type",
                                  params: {
                                    type: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.type
                                  },
                                  message: "must be object,null",
                                  schema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.type,
                                  parentSchema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes,
                                  data: data20
                                };
                                if (vErrors === null) {
                                  vErrors = [err23];
                                } else {
                                  vErrors.push(err23);
                                }
                                errors++;
                              }
                              if (data20 && typeof data20 == "object" && !Array.isArray(data20)) {
                                for (const key11 in data20) {
                                  let data21 = data20[key11];
                                  if (typeof data21 !== "string") {
                                    const err24 = {
                                      instancePath: instancePath + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0 + "/attributes/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),
                                      schemaPath: "#/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/properties/attributes/additionalProperties/type",
                                      keyword: "type",
                                      params: { type: "string" },
                                      message: "must be string",
                                      schema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.additionalProperties.type,
                                      parentSchema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.additionalProperties,
                                      data: data21
                                    };
                                    if (vErrors === null) {
                                      vErrors = [err24];
                                    } else {
                                      vErrors.push(err24);
                                    }
                                    errors++;
                                  }
                                }
                              }
                            }
                          } else {
                            const err25 = {
                              instancePath: instancePath + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i0,
                              schemaPath: "#/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/type",
                              keyword: "type",
                              params: { type: "object" },
                              message: "must be object",
                              schema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.type,
                              parentSchema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items,
                              data: data19
                            };
                            if (vErrors === null) {
                              vErrors = [err25];
                            } else {
                              vErrors.push(err25);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                  } else {
                    const err26 = {
                      instancePath: instancePath + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),
                      schemaPath: "#/properties/spec/properties/features/properties/instances/additionalProperties/type",
                      keyword: "type",
                      params: { type: "object" },
                      message: "must be object",
                      schema: schema12.properties.spec.properties.features.properties.instances.additionalProperties.type,
                      parentSchema: schema12.properties.spec.properties.features.properties.instances.additionalProperties,
                      data: data17
                    };
                    if (vErrors === null) {
                      vErrors = [err26];
                    } else {
                      vErrors.push(err26);
                    }
                    errors++;
                  }
                }
              }
            }
          } else {
            const err27 = {
              instancePath: instancePath + "/spec/features",
              schemaPath: "#/properties/spec/properties/features/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema12.properties.spec.properties.features.type,
              parentSchema: schema12.properties.spec.properties.features,
              data: data7
            };
            if (vErrors === null) {
              vErrors = [err27];
            } else {
              vErrors.push(err27);
            }
            errors++;
          }
        }
        if (data6.labels !== void 0) {
          let data22 = data6.labels;
          if (!(data22 && typeof data22 == "object" && !Array.isArray(data22)) && data22 !== null) {
            const err28 = {
              instancePath: instancePath + "/spec/labels",
              schemaPath: "#/properties/spec/properties/labels/type",
              keyword: "type",
              params: { type: schema12.properties.spec.properties.labels.type },
              message: "must be object,null",
              schema: schema12.properties.spec.properties.labels.type,
              parentSchema: schema12.properties.spec.properties.labels,
              data: data22
            };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
          if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
            for (const key12 in data22) {
              let data23 = data22[key12];
              if (typeof data23 !== "string") {
                const err29 = {
                  instancePath: instancePath + "/spec/labels/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/properties/spec/properties/labels/additionalProperties/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema12.properties.spec.properties.labels.additionalProperties.type,
                  parentSchema: schema12.properties.spec.properties.labels.additionalProperties,
                  data: data23
                };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          }
        }
      } else {
        const err30 = {
          instancePath: instancePath + "/spec",
          schemaPath: "#/properties/spec/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema12.properties.spec.type,
          parentSchema: schema12.properties.spec,
          data: data6
        };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
  } else {
    const err31 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema12.type,
      parentSchema: schema12,
      data
    };
    if (vErrors === null) {
      vErrors = [err31];
    } else {
      vErrors.push(err31);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
var list = validate12;
var schema13 = {
  type: "object",
  required: ["items"],
  properties: {
    items: {
      type: "array",
      items: {
        type: "object",
        required: ["kind", "metadata"],
        properties: {
          kind: { const: "NodeFeature" },
          metadata: {
            type: "object",
            properties: {
              name: { type: "string" },
              namespace: { type: "string" },
              labels: { type: "object", additionalProperties: { type: "string" } }
            }
          },
          spec: {
            type: "object",
            properties: {
              features: {
                type: "object",
                additionalProperties: false,
                properties: {
                  flags: {
                    type: ["object", "null"],
                    additionalProperties: {
                      type: "object",
                      additionalProperties: false,
                      properties: {
                        elements: {
                          type: ["object", "null"],
                          additionalProperties: { type: ["object", "null"] }
                        }
                      }
                    }
                  },
                  attributes: {
                    type: ["object", "null"],
                    additionalProperties: {
                      type: "object",
                      additionalProperties: false,
                      properties: {
                        elements: { type: ["object", "null"], additionalProperties: { type: "string" } }
                      }
                    }
                  },
                  instances: {
                    type: ["object", "null"],
                    additionalProperties: {
                      type: "object",
                      additionalProperties: false,
                      properties: {
                        elements: {
                          type: ["array", "null"],
                          items: {
                            type: "object",
                            additionalProperties: false,
                            properties: {
                              attributes: {
                                type: ["object", "null"],
                                additionalProperties: { type: "string" }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              },
              labels: { type: ["object", "null"], additionalProperties: { type: "string" } }
            }
          }
        }
      }
    }
  }
};
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.items === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "items" },
        message: "must have required property 'items'",
        schema: schema13.required,
        parentSchema: schema13,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.items !== void 0) {
      let data0 = data.items;
      if (Array.isArray(data0)) {
        const len0 = data0.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data1 = data0[i0];
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.kind === void 0) {
              const err1 = {
                instancePath: instancePath + "/items/" + i0,
                schemaPath: "#/properties/items/items/required",
                keyword: "required",
                params: { missingProperty: "kind" },
                message: "must have required property 'kind'",
                schema: schema13.properties.items.items.required,
                parentSchema: schema13.properties.items.items,
                data: data1
              };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (data1.metadata === void 0) {
              const err2 = {
                instancePath: instancePath + "/items/" + i0,
                schemaPath: "#/properties/items/items/required",
                keyword: "required",
                params: { missingProperty: "metadata" },
                message: "must have required property 'metadata'",
                schema: schema13.properties.items.items.required,
                parentSchema: schema13.properties.items.items,
                data: data1
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (data1.kind !== void 0) {
              let data2 = data1.kind;
              if ("NodeFeature" !== data2) {
                const err3 = {
                  instancePath: instancePath + "/items/" + i0 + "/kind",
                  schemaPath: "#/properties/items/items/properties/kind/const",
                  keyword: "const",
                  params: { allowedValue: "NodeFeature" },
                  message: "must be equal to constant",
                  schema: "NodeFeature",
                  parentSchema: schema13.properties.items.items.properties.kind,
                  data: data2
                };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (data1.metadata !== void 0) {
              let data3 = data1.metadata;
              if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                if (data3.name !== void 0) {
                  let data4 = data3.name;
                  if (typeof data4 !== "string") {
                    const err4 = {
                      instancePath: instancePath + "/items/" + i0 + "/metadata/name",
                      schemaPath: "#/properties/items/items/properties/metadata/properties/name/type",
                      keyword: "type",
                      params: { type: "string" },
                      message: "must be string",
                      schema: schema13.properties.items.items.properties.metadata.properties.name.type,
                      parentSchema: schema13.properties.items.items.properties.metadata.properties.name,
                      data: data4
                    };
                    if (vErrors === null) {
                      vErrors = [err4];
                    } else {
                      vErrors.push(err4);
                    }
                    errors++;
                  }
                }
                if (data3.namespace !== void 0) {
                  let data5 = data3.namespace;
                  if (typeof data5 !== "string") {
                    const err5 = {
                      instancePath: instancePath + "/items/" + i0 + "/metadata/namespace",
                      schemaPath: "#/properties/items/items/properties/metadata/properties/namespace/type",
                      keyword: "type",
                      params: { type: "string" },
                      message: "must be string",
                      schema: schema13.properties.items.items.properties.metadata.properties.namespace.type,
                      parentSchema: schema13.properties.items.items.properties.metadata.properties.namespace,
                      data: data5
                    };
                    if (vErrors === null) {
                      vErrors = [err5];
                    } else {
                      vErrors.push(err5);
                    }
                    errors++;
                  }
                }
                if (data3.labels !== void 0) {
                  let data6 = data3.labels;
                  if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                    for (const key0 in data6) {
                      let data7 = data6[key0];
                      if (typeof data7 !== "string") {
                        const err6 = {
                          instancePath: instancePath + "/items/" + i0 + "/metadata/labels/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),
                          schemaPath: "#/properties/items/items/properties/metadata/properties/labels/additionalProperties/type",
                          keyword: "type",
                          params: { type: "string" },
                          message: "must be string",
                          schema: schema13.properties.items.items.properties.metadata.properties.labels.additionalProperties.type,
                          parentSchema: schema13.properties.items.items.properties.metadata.properties.labels.additionalProperties,
                          data: data7
                        };
                        if (vErrors === null) {
                          vErrors = [err6];
                        } else {
                          vErrors.push(err6);
                        }
                        errors++;
                      }
                    }
                  } else {
                    const err7 = {
                      instancePath: instancePath + "/items/" + i0 + "/metadata/labels",
                      schemaPath: "#/properties/items/items/properties/metadata/properties/labels/type",
                      keyword: "type",
                      params: { type: "object" },
                      message: "must be object",
                      schema: schema13.properties.items.items.properties.metadata.properties.labels.type,
                      parentSchema: schema13.properties.items.items.properties.metadata.properties.labels,
                      data: data6
                    };
                    if (vErrors === null) {
                      vErrors = [err7];
                    } else {
                      vErrors.push(err7);
                    }
                    errors++;
                  }
                }
              } else {
                const err8 = {
                  instancePath: instancePath + "/items/" + i0 + "/metadata",
                  schemaPath: "#/properties/items/items/properties/metadata/type",
                  keyword: "type",
                  params: { type: "object" },
                  message: "must be object",
                  schema: schema13.properties.items.items.properties.metadata.type,
                  parentSchema: schema13.properties.items.items.properties.metadata,
                  data: data3
                };
                if (vErrors === null) {
                  vErrors = [err8];
                } else {
                  vErrors.push(err8);
                }
                errors++;
              }
            }
            if (data1.spec !== void 0) {
              let data8 = data1.spec;
              if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                if (data8.features !== void 0) {
                  let data9 = data8.features;
                  if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                    for (const key1 in data9) {
                      if (!(key1 === "flags" || key1 === "attributes" || key1 === "instances")) {
                        const err9 = {
                          instancePath: instancePath + "/items/" + i0 + "/spec/features",
                          schemaPath: "#/properties/items/items/properties/spec/properties/features/additionalProperties",
                          keyword: "additionalProperties",
                          params: { additionalProperty: key1 },
                          message: "must NOT have additional properties",
                          schema: false,
                          parentSchema: schema13.properties.items.items.properties.spec.properties.features,
                          data: data9
                        };
                        if (vErrors === null) {
                          vErrors = [err9];
                        } else {
                          vErrors.push(err9);
                        }
                        errors++;
                      }
                    }
                    if (data9.flags !== void 0) {
                      let data10 = data9.flags;
                      if (!(data10 && typeof data10 == "object" && !Array.isArray(data10)) && data10 !== null) {
                        const err10 = {
                          instancePath: instancePath + "/items/" + i0 + "/spec/features/flags",
                          schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/flags/type",
                          keyword: "type",
                          params: {
                            type: schema13.properties.items.items.properties.spec.properties.features.properties.flags.type
                          },
                          message: "must be object,null",
                          schema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.type,
                          parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.flags,
                          data: data10
                        };
                        if (vErrors === null) {
                          vErrors = [err10];
                        } else {
                          vErrors.push(err10);
                        }
                        errors++;
                      }
                      if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
                        for (const key2 in data10) {
                          let data11 = data10[key2];
                          if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                            for (const key3 in data11) {
                              if (!(key3 === "elements")) {
                                const err11 = {
                                  instancePath: instancePath + "/items/" + i0 + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
                                  schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/flags/additionalProperties/additionalProperties",
                                  keyword: "additionalProperties",
                                  params: { additionalProperty: key3 },
                                  message: "must NOT have additional properties",
                                  schema: false,
                                  parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties,
                                  data: data11
                                };
                                if (vErrors === null) {
                                  vErrors = [err11];
                                } else {
                                  vErrors.push(err11);
                                }
                                errors++;
                              }
                            }
                            if (data11.elements !== void 0) {
                              let data12 = data11.elements;
                              if (!(data12 && typeof data12 == "object" && !Array.isArray(data12)) && data12 !== null) {
                                const err12 = {
                                  instancePath: instancePath + "/items/" + i0 + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                                  schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/flags/additionalProperties/properties/elements/type",
                                  keyword: "type",
                                  params: {
                                    type: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.type
                                  },
                                  message: "must be object,null",
                                  schema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.type,
                                  parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements,
                                  data: data12
                                };
                                if (vErrors === null) {
                                  vErrors = [err12];
                                } else {
                                  vErrors.push(err12);
                                }
                                errors++;
                              }
                              if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
                                for (const key4 in data12) {
                                  let data13 = data12[key4];
                                  if (!(data13 && typeof data13 == "object" && !Array.isArray(data13)) && data13 !== null) {
                                    const err13 = {
                                      instancePath: instancePath + "/items/" + i0 + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),
                                      schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/flags/additionalProperties/properties/elements/additionalProperties/type",
                                      keyword: "type",
                                      params: {
                                        type: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.additionalProperties.type
                                      },
                                      message: "must be object,null",
                                      schema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.additionalProperties.type,
                                      parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties.properties.elements.additionalProperties,
                                      data: data13
                                    };
                                    if (vErrors === null) {
                                      vErrors = [err13];
                                    } else {
                                      vErrors.push(err13);
                                    }
                                    errors++;
                                  }
                                }
                              }
                            }
                          } else {
                            const err14 = {
                              instancePath: instancePath + "/items/" + i0 + "/spec/features/flags/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
                              schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/flags/additionalProperties/type",
                              keyword: "type",
                              params: { type: "object" },
                              message: "must be object",
                              schema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties.type,
                              parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.flags.additionalProperties,
                              data: data11
                            };
                            if (vErrors === null) {
                              vErrors = [err14];
                            } else {
                              vErrors.push(err14);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                    if (data9.attributes !== void 0) {
                      let data14 = data9.attributes;
                      if (!(data14 && typeof data14 == "object" && !Array.isArray(data14)) && data14 !== null) {
                        const err15 = {
                          instancePath: instancePath + "/items/" + i0 + "/spec/features/attributes",
                          schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/attributes/type",
                          keyword: "type",
                          params: {
                            type: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.type
                          },
                          message: "must be object,null",
                          schema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.type,
                          parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes,
                          data: data14
                        };
                        if (vErrors === null) {
                          vErrors = [err15];
                        } else {
                          vErrors.push(err15);
                        }
                        errors++;
                      }
                      if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                        for (const key5 in data14) {
                          let data15 = data14[key5];
                          if (data15 && typeof data15 == "object" && !Array.isArray(data15)) {
                            for (const key6 in data15) {
                              if (!(key6 === "elements")) {
                                const err16 = {
                                  instancePath: instancePath + "/items/" + i0 + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),
                                  schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/attributes/additionalProperties/additionalProperties",
                                  keyword: "additionalProperties",
                                  params: { additionalProperty: key6 },
                                  message: "must NOT have additional properties",
                                  schema: false,
                                  parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties,
                                  data: data15
                                };
                                if (vErrors === null) {
                                  vErrors = [err16];
                                } else {
                                  vErrors.push(err16);
                                }
                                errors++;
                              }
                            }
                            if (data15.elements !== void 0) {
                              let data16 = data15.elements;
                              if (!(data16 && typeof data16 == "object" && !Array.isArray(data16)) && data16 !== null) {
                                const err17 = {
                                  instancePath: instancePath + "/items/" + i0 + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                                  schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/attributes/additionalProperties/properties/elements/type",
                                  keyword: "type",
                                  params: {
                                    type: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.type
                                  },
                                  message: "must be object,null",
                                  schema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.type,
                                  parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements,
                                  data: data16
                                };
                                if (vErrors === null) {
                                  vErrors = [err17];
                                } else {
                                  vErrors.push(err17);
                                }
                                errors++;
                              }
                              if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
                                for (const key7 in data16) {
                                  let data17 = data16[key7];
                                  if (typeof data17 !== "string") {
                                    const err18 = {
                                      instancePath: instancePath + "/items/" + i0 + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),
                                      schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/attributes/additionalProperties/properties/elements/additionalProperties/type",
                                      keyword: "type",
                                      params: { type: "string" },
                                      message: "must be string",
                                      schema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.additionalProperties.type,
                                      parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties.properties.elements.additionalProperties,
                                      data: data17
                                    };
                                    if (vErrors === null) {
                                      vErrors = [err18];
                                    } else {
                                      vErrors.push(err18);
                                    }
                                    errors++;
                                  }
                                }
                              }
                            }
                          } else {
                            const err19 = {
                              instancePath: instancePath + "/items/" + i0 + "/spec/features/attributes/" + key5.replace(/~/g, "~0").replace(/\//g, "~1"),
                              schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/attributes/additionalProperties/type",
                              keyword: "type",
                              params: { type: "object" },
                              message: "must be object",
                              schema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties.type,
                              parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.attributes.additionalProperties,
                              data: data15
                            };
                            if (vErrors === null) {
                              vErrors = [err19];
                            } else {
                              vErrors.push(err19);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                    if (data9.instances !== void 0) {
                      let data18 = data9.instances;
                      if (!(data18 && typeof data18 == "object" && !Array.isArray(data18)) && data18 !== null) {
                        const err20 = {
                          instancePath: instancePath + "/items/" + i0 + "/spec/features/instances",
                          schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/type",
                          keyword: "type",
                          params: {
                            type: schema13.properties.items.items.properties.spec.properties.features.properties.instances.type
                          },
                          message: "must be object,null",
                          schema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.type,
                          parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances,
                          data: data18
                        };
                        if (vErrors === null) {
                          vErrors = [err20];
                        } else {
                          vErrors.push(err20);
                        }
                        errors++;
                      }
                      if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
                        for (const key8 in data18) {
                          let data19 = data18[key8];
                          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                            for (const key9 in data19) {
                              if (!(key9 === "elements")) {
                                const err21 = {
                                  instancePath: instancePath + "/items/" + i0 + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),
                                  schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/additionalProperties/additionalProperties",
                                  keyword: "additionalProperties",
                                  params: { additionalProperty: key9 },
                                  message: "must NOT have additional properties",
                                  schema: false,
                                  parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties,
                                  data: data19
                                };
                                if (vErrors === null) {
                                  vErrors = [err21];
                                } else {
                                  vErrors.push(err21);
                                }
                                errors++;
                              }
                            }
                            if (data19.elements !== void 0) {
                              let data20 = data19.elements;
                              if (!Array.isArray(data20) && data20 !== null) {
                                const err22 = {
                                  instancePath: instancePath + "/items/" + i0 + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements",
                                  schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/type",
                                  keyword: "type",
                                  params: {
                                    type: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.type
                                  },
                                  message: "must be array,null",
                                  schema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.type,
                                  parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements,
                                  data: data20
                                };
                                if (vErrors === null) {
                                  vErrors = [err22];
                                } else {
                                  vErrors.push(err22);
                                }
                                errors++;
                              }
                              if (Array.isArray(data20)) {
                                const len1 = data20.length;
                                for (let i1 = 0; i1 < len1; i1++) {
                                  let data21 = data20[i1];
                                  if (data21 && typeof data21 == "object" && !Array.isArray(data21)) {
                                    for (const key10 in data21) {
                                      if (!(key10 === "attributes")) {
                                        const err23 = {
                                          instancePath: instancePath + "/items/" + i0 + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i1,
                                          schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/additionalProperties",
                                          keyword: "additionalProperties",
                                          params: { additionalProperty: key10 },
                                          message: "must NOT have additional properties",
                                          schema: false,
                                          parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items,
                                          data: data21
                                        };
                                        if (vErrors === null) {
                                          vErrors = [err23];
                                        } else {
                                          vErrors.push(err23);
                                        }
                                        errors++;
                                      }
                                    }
                                    if (data21.attributes !== void 0) {
                                      let data22 = data21.attributes;
                                      if (!(data22 && typeof data22 == "object" && !Array.isArray(data22)) && data22 !== null) {
                                        const err24 = {
                                          instancePath: instancePath + "/items/" + i0 + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i1 + "/attributes",
                                          schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/properties/attributes/type",
                                          keyword: "type",
                                          params: {
                                            type: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.type
                                          },
                                          message: "must be object,null",
                                          schema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.type,
                                          parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes,
                                          data: data22
                                        };
                                        if (vErrors === null) {
                                          vErrors = [err24];
                                        } else {
                                          vErrors.push(err24);
                                        }
                                        errors++;
                                      }
                                      if (data22 && typeof data22 == "object" && !Array.isArray(data22)) {
                                        for (const key11 in data22) {
                                          let data23 = data22[key11];
                                          if (typeof data23 !== "string") {
                                            const err25 = {
                                              instancePath: instancePath + "/items/" + i0 + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i1 + "/attributes/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),
                                              schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/properties/attributes/additionalProperties/type",
                                              keyword: "type",
                                              params: { type: "string" },
                                              message: "must be string",
                                              schema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.additionalProperties.type,
                                              parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.properties.attributes.additionalProperties,
                                              data: data23
                                            };
                                            if (vErrors === null) {
                                              vErrors = [err25];
                                            } else {
                                              vErrors.push(err25);
                                            }
                                            errors++;
                                          }
                                        }
                                      }
                                    }
                                  } else {
                                    const err26 = {
                                      instancePath: instancePath + "/items/" + i0 + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1") + "/elements/" + i1,
                                      schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/additionalProperties/properties/elements/items/type",
                                      keyword: "type",
                                      params: { type: "object" },
                                      message: "must be object",
                                      schema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items.type,
                                      parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.properties.elements.items,
                                      data: data21
                                    };
                                    if (vErrors === null) {
                                      vErrors = [err26];
                                    } else {
                                      vErrors.push(err26);
                                    }
                                    errors++;
                                  }
                                }
                              }
                            }
                          } else {
                            const err27 = {
                              instancePath: instancePath + "/items/" + i0 + "/spec/features/instances/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),
                              schemaPath: "#/properties/items/items/properties/spec/properties/features/properties/instances/additionalProperties/type",
                              keyword: "type",
                              params: { type: "object" },
                              message: "must be object",
                              schema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties.type,
                              parentSchema: schema13.properties.items.items.properties.spec.properties.features.properties.instances.additionalProperties,
                              data: data19
                            };
                            if (vErrors === null) {
                              vErrors = [err27];
                            } else {
                              vErrors.push(err27);
                            }
                            errors++;
                          }
                        }
                      }
                    }
                  } else {
                    const err28 = {
                      instancePath: instancePath + "/items/" + i0 + "/spec/features",
                      schemaPath: "#/properties/items/items/properties/spec/properties/features/type",
                      keyword: "type",
                      params: { type: "object" },
                      message: "must be object",
                      schema: schema13.properties.items.items.properties.spec.properties.features.type,
                      parentSchema: schema13.properties.items.items.properties.spec.properties.features,
                      data: data9
                    };
                    if (vErrors === null) {
                      vErrors = [err28];
                    } else {
                      vErrors.push(err28);
                    }
                    errors++;
                  }
                }
                if (data8.labels !== void 0) {
                  let data24 = data8.labels;
                  if (!(data24 && typeof data24 == "object" && !Array.isArray(data24)) && data24 !== null) {
                    const err29 = {
                      instancePath: instancePath + "/items/" + i0 + "/spec/labels",
                      schemaPath: "#/properties/items/items/properties/spec/properties/labels/type",
                      keyword: "type",
                      params: {
                        type: schema13.properties.items.items.properties.spec.properties.labels.type
                      },
                      message: "must be object,null",
                      schema: schema13.properties.items.items.properties.spec.properties.labels.type,
                      parentSchema: schema13.properties.items.items.properties.spec.properties.labels,
                      data: data24
                    };
                    if (vErrors === null) {
                      vErrors = [err29];
                    } else {
                      vErrors.push(err29);
                    }
                    errors++;
                  }
                  if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
                    for (const key12 in data24) {
                      let data25 = data24[key12];
                      if (typeof data25 !== "string") {
                        const err30 = {
                          instancePath: instancePath + "/items/" + i0 + "/spec/labels/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),
                          schemaPath: "#/properties/items/items/properties/spec/properties/labels/additionalProperties/type",
                          keyword: "type",
                          params: { type: "string" },
                          message: "must be string",
                          schema: schema13.properties.items.items.properties.spec.properties.labels.additionalProperties.type,
                          parentSchema: schema13.properties.items.items.properties.spec.properties.labels.additionalProperties,
                          data: data25
                        };
                        if (vErrors === null) {
                          vErrors = [err30];
                        } else {
                          vErrors.push(err30);
                        }
                        errors++;
                      }
                    }
                  }
                }
              } else {
                const err31 = {
                  instancePath: instancePath + "/items/" + i0 + "/spec",
                  schemaPath: "#/properties/items/items/properties/spec/type",
                  keyword: "type",
                  params: { type: "object" },
                  message: "must be object",
                  schema: schema13.properties.items.items.properties.spec.type,
                  parentSchema: schema13.properties.items.items.properties.spec,
                  data: data8
                };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
          } else {
            const err32 = {
              instancePath: instancePath + "/items/" + i0,
              schemaPath: "#/properties/items/items/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema13.properties.items.items.type,
              parentSchema: schema13.properties.items.items,
              data: data1
            };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
      } else {
        const err33 = {
          instancePath: instancePath + "/items",
          schemaPath: "#/properties/items/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema13.properties.items.type,
          parentSchema: schema13.properties.items,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
    }
  } else {
    const err34 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema13.type,
      parentSchema: schema13,
      data
    };
    if (vErrors === null) {
      vErrors = [err34];
    } else {
      vErrors.push(err34);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}

// src/features/snapshot-shape.ts
function compiled() {
  return snapshot_schema_validate_exports;
}
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var onlyKeys = (v, keys) => Object.keys(v).every((k) => keys.includes(k));
var isStringMap = (v) => isObject(v) && Object.values(v).every((x) => typeof x === "string");
var optional = (v, check) => v === void 0 || check(v);
var nullable = (v, check) => v === null || check(v);
var isSet = (v, elements) => isObject(v) && onlyKeys(v, ["elements"]) && optional(v.elements, (e) => nullable(e, elements));
var sets = (v, elements) => optional(
  v,
  (m) => nullable(m, (x) => isObject(x) && Object.values(x).every((set) => isSet(set, elements)))
);
function isFeatures(v) {
  return isObject(v) && onlyKeys(v, ["flags", "attributes", "instances"]) && sets(v.flags, (e) => isObject(e) && Object.values(e).every((x) => x === null || isObject(x))) && sets(v.attributes, isStringMap) && sets(
    v.instances,
    (e) => Array.isArray(e) && e.every(
      (i) => isObject(i) && onlyKeys(i, ["attributes"]) && optional(i.attributes, (a) => nullable(a, isStringMap))
    )
  );
}
function isNodeFeature(v) {
  if (!isObject(v) || v.kind !== "NodeFeature" || !isObject(v.metadata)) return false;
  const m = v.metadata;
  return optional(m.name, (x) => typeof x === "string") && optional(m.namespace, (x) => typeof x === "string") && optional(m.labels, isStringMap) && optional(
    v.spec,
    (sp) => isObject(sp) && optional(sp.features, isFeatures) && optional(sp.labels, (l) => nullable(l, isStringMap))
  );
}

// src/features/snapshot.ts
var MAX_FEATURES_BYTES = LIMITS.features;
var NODE_NAME_LABEL = "nfd.node.kubernetes.io/node-name";
var PLATFORM_LABELS = ["kubernetes.io/os", "kubernetes.io/arch"];
function readDocument(text, name) {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
    if (text.length > LIMITS.featuresYaml) {
      throw new InputError(
        `a YAML snapshot is larger than the ${formatBytes(LIMITS.featuresYaml)} limit`,
        { file: name },
        "give large snapshots as JSON (kubectl get nodefeatures -A -o json)"
      );
    }
    return parseSource(text, name, { maxBytes: LIMITS.featuresYaml, uniqueKeys: false });
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (err instanceof RangeError) {
      throw new InputError(`nesting deeper than ${LIMITS.depth} levels`, { file: name });
    }
    const message = err.message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const what = message.replace(/ in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
    throw new InputError(`invalid JSON: ${what.slice(0, LIMITS.echo)}`, {
      file: name,
      ...textPosition(text, offset)
    });
  }
  const src = { file: name, text, value, json: true };
  const deep = tooDeep(value, LIMITS.depth);
  if (deep) {
    const { file, line, column } = positionOf(src, deep);
    throw new InputError(`nesting deeper than ${LIMITS.depth} levels`, { file, line, column });
  }
  return src;
}
function tooDeep(value, max) {
  const stack = [];
  const push = (v, path) => {
    if (v !== null && typeof v === "object") stack.push({ v, path });
  };
  push(value, []);
  while (stack.length) {
    const { v, path } = stack.pop();
    if (path.length >= max) return path;
    if (Array.isArray(v)) v.forEach((x, i) => push(x, [...path, i]));
    else for (const [k, x] of Object.entries(v)) push(x, [...path, k]);
  }
  return void 0;
}
function parseFeaturesDocument(text, file) {
  const name = displayName(file);
  if (text.length > MAX_FEATURES_BYTES) {
    throw new InputError(`document is larger than the ${formatBytes(MAX_FEATURES_BYTES)} limit`, {
      file: name
    });
  }
  if (text.trim() === "") {
    throw new InputError(
      "document is empty: expected a Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures",
      { file: name }
    );
  }
  const src = readDocument(text, name);
  const value = src.value;
  const fail = (validate) => {
    throwFirstError(schemaDiagnostics(src, validate.errors));
    throw new InputError("invalid features document", { file: name });
  };
  const at = (path, message) => {
    throw new InputError(message, positionOf(src, path));
  };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return at([], "expected a Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures");
  }
  const obj = value;
  if (obj.kind === void 0) {
    if (!isFeatures(obj) && !compiled().features(obj)) fail(compiled().features);
    return [{ name: "", features: normalize(obj) }];
  }
  let items;
  if (obj.kind === "NodeFeature") {
    if (!isNodeFeature(obj) && !compiled().node(obj)) fail(compiled().node);
    items = [obj];
  } else if (obj.kind === "NodeFeatureList" || obj.kind === "List") {
    const fast = Array.isArray(obj.items) && obj.items.every(isNodeFeature);
    if (!fast && !compiled().list(obj)) fail(compiled().list);
    items = obj.items;
  } else {
    return at(
      ["kind"],
      `unsupported kind ${quote(String(obj.kind))}: expected NodeFeature, NodeFeatureList or List`
    );
  }
  return mergeByNode(items);
}
function normalize(f) {
  return {
    flags: Object.fromEntries(
      Object.entries(f.flags ?? {}).map(([k, s]) => [k, { elements: { ...s?.elements ?? {} } }])
    ),
    attributes: Object.fromEntries(
      Object.entries(f.attributes ?? {}).map(([k, s]) => [k, { elements: { ...s?.elements ?? {} } }])
    ),
    instances: Object.fromEntries(
      Object.entries(f.instances ?? {}).map(([k, s]) => [
        k,
        { elements: (s?.elements ?? []).map((i) => ({ attributes: { ...i?.attributes ?? {} } })) }
      ])
    )
  };
}
function mergeByNode(items) {
  const byNode = /* @__PURE__ */ new Map();
  items.forEach((item, i) => {
    const node2 = item.metadata.labels?.[NODE_NAME_LABEL] ?? item.metadata.name ?? `items[${i}]`;
    const list2 = byNode.get(node2) ?? [];
    list2.push(item);
    byNode.set(node2, list2);
  });
  const hosts = [];
  for (const [name, objs] of byNode) {
    const key = (o) => [o.metadata.name ?? "", o.metadata.namespace ?? ""];
    objs.sort((a, b) => {
      const [an, ans] = key(a);
      const [bn, bns] = key(b);
      return an < bn ? -1 : an > bn ? 1 : ans < bns ? -1 : ans > bns ? 1 : 0;
    });
    const merged = normalize(objs[0].spec?.features ?? {});
    for (const o of objs.slice(1)) {
      const f = normalize(o.spec?.features ?? {});
      const own = (m, k) => Object.hasOwn(m, k) ? m[k] : void 0;
      merged.flags = {
        ...merged.flags,
        ...Object.fromEntries(
          Object.entries(f.flags).map(([k, s]) => [
            k,
            { elements: { ...own(merged.flags, k)?.elements, ...s.elements } }
          ])
        )
      };
      merged.attributes = {
        ...merged.attributes,
        ...Object.fromEntries(
          Object.entries(f.attributes).map(([k, s]) => [
            k,
            { elements: { ...own(merged.attributes, k)?.elements, ...s.elements } }
          ])
        )
      };
      merged.instances = {
        ...merged.instances,
        ...Object.fromEntries(
          Object.entries(f.instances).map(([k, s]) => [
            k,
            { elements: [...own(merged.instances, k)?.elements ?? [], ...s.elements] }
          ])
        )
      };
    }
    const unavailable = objs.flatMap((o) => unavailableOf(o));
    const labels = {};
    for (const o of objs)
      for (const k of PLATFORM_LABELS)
        if (o.metadata.labels?.[k] !== void 0) labels[k] = o.metadata.labels[k];
    hosts.push({
      name,
      features: merged,
      ...unavailable.length && { unavailable },
      ...Object.keys(labels).length > 0 && { labels }
    });
  }
  return hosts;
}

export {
  MAX_FEATURES_BYTES,
  parseFeaturesDocument
};
