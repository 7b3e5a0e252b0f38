import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  summarizeHardware,
  toNodeFeature,
  unavailableOf
} from "./chunk-BQ4MDOF2.js";
import {
  canRun,
  defaultCredentialSource,
  hostPlatform,
  machineHostPlatform,
  retryPolicy,
  snapshotHostPlatform
} from "./chunk-XAEGMFRL.js";
import {
  InvalidValueError
} from "./chunk-ZK36K3TG.js";
import {
  VERSION
} from "./chunk-Q256A2XO.js";
import {
  FEATURE_CATALOG,
  MATCH_ANY,
  MATCH_OPS,
  Scalar,
  formatFloat32,
  formatPath,
  goKey,
  goPlainValue,
  goString,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  nfdDiagnostics,
  parseSource,
  positionOf,
  readSource,
  resolvePlain,
  schemaDiagnostics,
  schemaErrors,
  throwFirstError
} from "./chunk-3JTZG76I.js";
import {
  formatPlatform,
  parsePlatform,
  platformsMatch
} from "./chunk-ARJZT3GV.js";
import {
  decodeText,
  displayName,
  fsErrorDetail,
  readText,
  require_fs,
  textPosition
} from "./chunk-LKJTNIGP.js";
import {
  compareVersions,
  compileRE2,
  literalPattern,
  parseGoIntFast,
  parseVersion,
  rethrowEngineError
} from "./chunk-LNR5OBVR.js";
import {
  inWords,
  setting
} from "./chunk-U6BYPZCD.js";
import {
  EvaluationError,
  ExitCode,
  ImageCompatError,
  InputError,
  LIMITS,
  RegistryError,
  SignatureError,
  exitCodeOf,
  formatBytes,
  formatPositioned,
  quote
} from "./chunk-TS22JX7Z.js";
import {
  __export,
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/io/workflow-command.ts
var BREAK = "\u200B";
function neutraliseText(text) {
  if (!text.includes("::")) return text;
  return text.replace(/(^|[\r\n])([ \t]*):(?=:)/g, `$1$2:${BREAK}`);
}

// src/cli/argv.ts
function keyOf(long) {
  return long.slice(2).split("-").reduce((key, word) => key + word[0].toUpperCase() + word.slice(1));
}
var FLAGS = /^(?:(-[A-Za-z]), )?(--[a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?: (<[^<>]+>|\[[^[\]]+\]))?$/;
function flagsOf(definition) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const option of definition.options) {
    const m = FLAGS.exec(option.flags);
    if (!m || m[2].startsWith("--no-")) return void 0;
    const value = m[3];
    const plain = value === void 0 || value.startsWith("<") && !value.endsWith("...>");
    const flag = { key: keyOf(m[2]), takesValue: value !== void 0, plain, option };
    byName2.set(m[2], flag);
    if (m[1]) byName2.set(m[1], flag);
  }
  return byName2;
}
var plainValue = (value) => value !== void 0 && value !== "" && (value === "-" || !value.startsWith("-"));
function parseArguments(definition, args) {
  const byName2 = flagsOf(definition);
  if (!byName2) return void 0;
  const flags = {};
  const given = /* @__PURE__ */ new Set();
  const operands = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "" || arg === "-") return void 0;
    if (!arg.startsWith("-")) {
      operands.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const flag = byName2.get(name);
    if (!flag || !flag.plain || given.has(flag.key)) return void 0;
    given.add(flag.key);
    if (!flag.takesValue) {
      if (eq >= 0) return void 0;
      flags[flag.key] = true;
      continue;
    }
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (!plainValue(value)) return void 0;
    const { choices, parse } = flag.option;
    if (choices && !choices.includes(value)) return void 0;
    if (parse) {
      try {
        flags[flag.key] = parse(value);
      } catch {
        return void 0;
      }
    } else {
      flags[flag.key] = value;
    }
  }
  for (const { key, option } of byName2.values()) {
    if (given.has(key)) continue;
    if (option.required && option.default === void 0) return void 0;
    if (option.default !== void 0) flags[key] = option.default;
  }
  const positional = operandsOf(definition, operands);
  return positional && { flags, args: positional };
}
function operandsOf(definition, operands) {
  const declared = definition.arguments ?? [];
  const args = [];
  let next = 0;
  for (const argument of declared) {
    const m = /^\[([^\]]+?)(\.\.\.)?\]$/.exec(argument.name);
    if (!m) return void 0;
    if (m[2]) {
      const rest = operands.slice(next);
      next = operands.length;
      args.push(rest.length ? rest : argument.default === void 0 ? [] : argument.default);
    } else {
      args.push(next < operands.length ? operands[next++] : argument.default);
    }
  }
  return next === operands.length ? args : void 0;
}

// src/cli/version-flag.ts
var VERSION_FLAGS = /* @__PURE__ */ new Set(["-V", "--version"]);
function answerVersion(argv) {
  if (argv.length !== 3 || !VERSION_FLAGS.has(argv[2])) return false;
  process.stdout.write(`${VERSION}
`);
  return true;
}

// src/cli/words.ts
var FLAGS2 = {
  password: "--password-stdin (or IMAGE_COMPAT_PASSWORD)",
  "github-token": "GITHUB_TOKEN",
  "signing-key": "--key",
  "signing-key-env": "--key-env",
  "public-key": "--key",
  // The sources of a spec, as the help writes them: "give exactly one of --spec FILE, ...".
  spec: "--spec FILE",
  config: "--config FILE",
  image: "--image REF"
};
function cliWord(name) {
  return FLAGS2[name] ?? `--${name}`;
}
function inCliWords(message) {
  return inWords(message, cliWord);
}

// src/cli/run.ts
async function commandsFor(commands, first) {
  if (first !== void 0 && Object.hasOwn(commands, first)) return [await commands[first]()];
  if (first !== void 0 && VERSION_FLAGS.has(first)) return [];
  return Promise.all(Object.values(commands).map((load) => load()));
}
async function run(commands, argv) {
  if (answerVersion(argv)) return ExitCode.ok;
  const name = argv[2];
  if (name !== void 0 && Object.hasOwn(commands, name)) {
    const [definition] = await commandsFor(commands, name);
    const parsed = parseArguments(definition, argv.slice(3));
    if (parsed) {
      await definition.action(parsed.flags, ...parsed.args);
      return Number(process.exitCode ?? ExitCode.ok);
    }
  }
  const [{ runProgram }, definitions] = await Promise.all([
    import("./program-WEM4FOKT.js"),
    commandsFor(commands, name)
  ]);
  return runProgram(argv, definitions);
}
async function main(commands, argv) {
  try {
    return await run(commands, argv);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(neutraliseText(`image-compat: ${message}
`));
    if (!(err instanceof ImageCompatError) && process.env.IMAGE_COMPAT_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}
`);
    }
    return exitCodeOf(err);
  }
}
async function runCli(commands) {
  const writeStderr = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk, ...rest) => writeStderr(
    typeof chunk === "string" ? inCliWords(chunk) : chunk,
    ...rest
  ));
  process.stdout.on("error", (err) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? ExitCode.ok);
    throw err;
  });
  process.exitCode = await main(commands, process.argv);
}

// src/commands/validate-run.ts
import os from "node:os";

// src/features/types.ts
function emptyFeatures() {
  return { flags: {}, attributes: {}, instances: {} };
}

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
  const push = (v, path2) => {
    if (v !== null && typeof v === "object") stack.push({ v, path: path2 });
  };
  push(value, []);
  while (stack.length) {
    const { v, path: path2 } = stack.pop();
    if (path2.length >= max) return path2;
    if (Array.isArray(v)) v.forEach((x, i) => push(x, [...path2, i]));
    else for (const [k, x] of Object.entries(v)) push(x, [...path2, k]);
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
  const fail2 = (validate3) => {
    throwFirstError(schemaDiagnostics(src, validate3.errors));
    throw new InputError("invalid features document", { file: name });
  };
  const at = (path2, message) => {
    throw new InputError(message, positionOf(src, path2));
  };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return at([], "expected a Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures");
  }
  const obj = value;
  if (obj.kind === void 0) {
    if (!isFeatures(obj) && !compiled().features(obj)) fail2(compiled().features);
    return [{ name: "", features: normalize(obj) }];
  }
  let items;
  if (obj.kind === "NodeFeature") {
    if (!isNodeFeature(obj) && !compiled().node(obj)) fail2(compiled().node);
    items = [obj];
  } else if (obj.kind === "NodeFeatureList" || obj.kind === "List") {
    const fast = Array.isArray(obj.items) && obj.items.every(isNodeFeature);
    if (!fast && !compiled().list(obj)) fail2(compiled().list);
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
    const list3 = byNode.get(node2) ?? [];
    list3.push(item);
    byNode.set(node2, list3);
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
      const own2 = (m, k) => Object.hasOwn(m, k) ? m[k] : void 0;
      merged.flags = {
        ...merged.flags,
        ...Object.fromEntries(
          Object.entries(f.flags).map(([k, s]) => [
            k,
            { elements: { ...own2(merged.flags, k)?.elements, ...s.elements } }
          ])
        )
      };
      merged.attributes = {
        ...merged.attributes,
        ...Object.fromEntries(
          Object.entries(f.attributes).map(([k, s]) => [
            k,
            { elements: { ...own2(merged.attributes, k)?.elements, ...s.elements } }
          ])
        )
      };
      merged.instances = {
        ...merged.instances,
        ...Object.fromEntries(
          Object.entries(f.instances).map(([k, s]) => [
            k,
            { elements: [...own2(merged.instances, k)?.elements ?? [], ...s.elements] }
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

// src/spec/yaml11.ts
var expression = { struct: { op: "string", value: { seq: "string" }, type: "string" } };
var terms = {
  seq: { struct: { feature: "string", matchExpressions: { map: expression }, matchName: expression } }
};
var rule = {
  struct: {
    name: "string",
    vars: { map: "string" },
    varsTemplate: "string",
    labels: { map: "string" },
    labelsTemplate: "string",
    annotations: { map: "string" },
    extendedResources: { map: "string" },
    matchFeatures: terms,
    matchAny: { seq: { struct: { matchFeatures: terms } } }
  }
};
var SPEC = {
  struct: {
    version: "string",
    compatibilities: {
      seq: { struct: { rules: { seq: rule }, weight: "other", tag: "string", description: "string" } }
    }
  }
};
function nfdSource(src) {
  const diagnostics = [];
  const unlisted = { error: 0, warning: 0 };
  const reported2 = /* @__PURE__ */ new Set();
  const report = (severity, node2, path2, message, hint) => {
    if (node2 && reported2.has(node2)) return;
    if (node2) reported2.add(node2);
    if (diagnostics.length >= LIMITS.problems) {
      unlisted[severity]++;
      return;
    }
    const { line, col } = src.lines.linePos(node2?.range?.[0] ?? 0);
    diagnostics.push({
      severity,
      message,
      position: { file: src.file, line, column: col, path: formatPath(path2) },
      hint
    });
  };
  const misread = (node2, path2, read) => report(
    "warning",
    node2,
    path2,
    `unquoted ${node2.source} is read by NFD (YAML 1.1) as ${read}`,
    `quote it: "${node2.source}"`
  );
  const walk = (node2, target, path2) => {
    if (isAlias(node2)) return walk(node2.resolve(src.doc), target, path2);
    if (node2 === null || node2 === void 0) return target === "string" ? "" : null;
    if (isScalar(node2)) return scalar(node2, target, path2);
    if (isSeq(node2)) {
      const elem = typeof target === "object" && "seq" in target ? target.seq : "other";
      return node2.items.map((item, i) => walk(item, elem, [...path2, i]));
    }
    if (isMap(node2)) {
      const out = {};
      const seen = /* @__PURE__ */ new Map();
      for (const pair of node2.items) {
        if (!isPair(pair)) continue;
        const k = key(pair.key, path2);
        if (k === void 0) continue;
        const child = typeof target === "object" && "struct" in target ? target.struct[k.name] ?? "other" : typeof target === "object" && "map" in target ? target.map : "other";
        const prev = seen.get(k.name);
        if (prev !== void 0 && prev !== k.written) {
          report(
            "error",
            pair.key,
            [...path2, k.written],
            `NFD reads both ${prev} and ${k.written} as the key "${k.name}" (and keeps either one)`,
            `quote it: "${k.written}"`
          );
        }
        seen.set(k.name, k.written);
        Object.defineProperty(out, k.name, {
          value: walk(pair.value, child, [...path2, k.written]),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return out;
    }
    return null;
  };
  const key = (node2, path2) => {
    if (!isScalar(node2)) {
      report("error", node2, path2, "NFD accepts only scalar map keys");
      return void 0;
    }
    if (!isPlain(node2)) return { name: String(node2.value), written: String(node2.value) };
    const written = node2.source;
    const read = goKey(resolvePlain(written));
    if ("problem" in read) {
      report(
        "error",
        node2,
        [...path2, written],
        `unquoted ${written} is ${read.problem}`,
        `quote it: "${written}"`
      );
      return void 0;
    }
    if (read.value !== written) misread(node2, [...path2, written], JSON.stringify(read.value));
    return { name: read.value, written };
  };
  const scalar = (node2, target, path2) => {
    if (!isPlain(node2)) {
      const v2 = node2.value;
      if (target !== "string") return v2;
      if (typeof v2 === "number") return formatFloat32(v2);
      if (typeof v2 === "boolean" || typeof v2 === "bigint") return String(v2);
      return v2 === null ? "" : v2;
    }
    const r = resolvePlain(node2.source);
    if (target === "string") {
      const s = goString(r);
      if ("problem" in s) {
        report("error", node2, path2, `unquoted ${node2.source} is ${s.problem}`, `quote it: "${node2.source}"`);
        return node2.source;
      }
      if (s.value !== node2.source) misread(node2, path2, JSON.stringify(s.value));
      return s.value;
    }
    const v = goPlainValue(r);
    if (typeof v === "number" && typeof node2.value === "number" && v !== node2.value) {
      report(
        "warning",
        node2,
        path2,
        `unquoted ${node2.source} is read by NFD (YAML 1.1) as ${v}`,
        `write ${v}`
      );
    }
    return v;
  };
  const value = walk(src.doc.contents, SPEC, []);
  for (const severity of ["error", "warning"]) {
    if (unlisted[severity]) {
      diagnostics.push({
        severity,
        message: `and ${unlisted[severity]} more ${severity}s of how NFD reads the document (the first ${LIMITS.problems} are listed)`,
        position: { file: src.file }
      });
    }
  }
  return { src: { ...src, value }, diagnostics };
}
function isPlain(node2) {
  return node2.type === Scalar.PLAIN && !node2.tag && typeof node2.source === "string";
}

// src/spec/serialize.ts
function expression2(e) {
  const out = { op: e.op ?? "" };
  if (e.value !== void 0) out.value = e.value.map(String);
  if (e.type !== void 0) out.type = e.type;
  return out;
}
function term(t) {
  const out = { feature: t.feature };
  if (t.matchExpressions) {
    out.matchExpressions = Object.fromEntries(
      Object.entries(t.matchExpressions).map(([k, e]) => [k, expression2(e)])
    );
  }
  if (t.matchName) out.matchName = expression2(t.matchName);
  return out;
}
function rule2(r) {
  const out = { name: r.name };
  if (r.matchFeatures) out.matchFeatures = r.matchFeatures.map(term);
  if (r.matchAny) out.matchAny = r.matchAny.map((a) => ({ matchFeatures: a.matchFeatures.map(term) }));
  if (r.vars) out.vars = { ...r.vars };
  if (r.varsTemplate !== void 0) out.varsTemplate = r.varsTemplate;
  return out;
}
function compatibility(c) {
  const out = {};
  if (c.description !== void 0) out.description = c.description;
  if (c.tag !== void 0) out.tag = c.tag;
  if (c.weight !== void 0) out.weight = c.weight;
  out.rules = c.rules.map(rule2);
  return out;
}
function canonicalSpec(spec) {
  return { version: spec.version, compatibilities: spec.compatibilities.map(compatibility) };
}

// src/spec/schema.validate.ts
var validate = validate102;
var schema112 = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "NFD image compatibility spec v1alpha1",
  type: "object",
  additionalProperties: false,
  required: ["version", "compatibilities"],
  properties: {
    version: { const: "v1alpha1" },
    compatibilities: { type: "array", minItems: 1, items: { $ref: "#/$defs/compatibility" } }
  },
  $defs: {
    compatibility: {
      type: "object",
      description: "A compatibility set: one way the image can run. Sets are alternatives.",
      additionalProperties: false,
      required: ["rules"],
      properties: {
        description: { type: "string" },
        tag: { type: "string", description: "Selects the set with --tags; give every set a unique tag." },
        weight: { type: "integer", description: "Node-affinity weight." },
        rules: { type: "array", items: { $ref: "#/$defs/rule" } }
      }
    },
    rule: {
      type: "object",
      description: "An NFD GroupRule: matches when matchAny (if any) and matchFeatures (if any) match.",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: { type: "string", description: "Name of the rule, shown in reports." },
        matchFeatures: { $ref: "#/$defs/featureMatcher" },
        matchAny: {
          type: "array",
          description: "Alternatives (logical OR), each a matchFeatures list.",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["matchFeatures"],
            properties: { matchFeatures: { $ref: "#/$defs/featureMatcher" } }
          }
        },
        vars: {
          type: "object",
          description: "Variables later rules can match as the rule.matched feature.",
          additionalProperties: { type: "string" }
        },
        varsTemplate: {
          type: "string",
          description: "Go text/template over the matched features, giving key=value lines of more vars (at most 64 KiB; see docs/spec.md for the functions)."
        }
      }
    },
    featureMatcher: {
      type: "array",
      description: "Terms that must all match (logical AND).",
      items: { $ref: "#/$defs/term" }
    },
    term: {
      type: "object",
      description: "One feature and the expressions its elements must satisfy.",
      additionalProperties: false,
      required: ["feature"],
      properties: {
        feature: { type: "string", description: "Feature name, e.g. kernel.loadedmodule or pci.device." },
        matchExpressions: {
          type: "object",
          description: "Element name -> expression; all must hold (for instances: all in one instance).",
          additionalProperties: { $ref: "#/$defs/expression" }
        },
        matchName: { $ref: "#/$defs/expression" }
      }
    },
    expression: {
      type: "object",
      description: "An NFD match expression: an operator and the values it compares the host value with.",
      additionalProperties: false,
      properties: {
        op: {
          type: "string",
          description: "The operator: In, NotIn, InRegexp, Exists, DoesNotExist, Gt, Ge, Lt, Le, GtLt, GeLe, IsTrue, IsFalse. Empty or missing is NFD's MatchAny (always true; lint refuses it).",
          examples: [
            "In",
            "NotIn",
            "InRegexp",
            "Exists",
            "DoesNotExist",
            "Gt",
            "Ge",
            "Lt",
            "Le",
            "GtLt",
            "GeLe",
            "IsTrue",
            "IsFalse"
          ]
        },
        value: {
          type: "array",
          description: "Values (strings). Quote numbers: YAML reads an unquoted 1.10 as the number 1.1. None for Exists, DoesNotExist, IsTrue, IsFalse; one for Gt, Ge, Lt, Le; two for GtLt, GeLe; at least one otherwise.",
          items: { type: ["string", "number", "boolean"] }
        },
        type: {
          type: "string",
          description: "version: compare as versions (major.minor.patch) instead of integers; Gt, Ge, Lt, Le, GtLt, GeLe only. Other values: lint refuses them, NFD fails on them when it compares.",
          examples: ["version"]
        }
      }
    }
  }
};
var schema122 = {
  type: "object",
  description: "A compatibility set: one way the image can run. Sets are alternatives.",
  additionalProperties: false,
  required: ["rules"],
  properties: {
    description: { type: "string" },
    tag: { type: "string", description: "Selects the set with --tags; give every set a unique tag." },
    weight: { type: "integer", description: "Node-affinity weight." },
    rules: { type: "array", items: { $ref: "#/$defs/rule" } }
  }
};
var schema132 = {
  type: "object",
  description: "An NFD GroupRule: matches when matchAny (if any) and matchFeatures (if any) match.",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string", description: "Name of the rule, shown in reports." },
    matchFeatures: { $ref: "#/$defs/featureMatcher" },
    matchAny: {
      type: "array",
      description: "Alternatives (logical OR), each a matchFeatures list.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["matchFeatures"],
        properties: { matchFeatures: { $ref: "#/$defs/featureMatcher" } }
      }
    },
    vars: {
      type: "object",
      description: "Variables later rules can match as the rule.matched feature.",
      additionalProperties: { type: "string" }
    },
    varsTemplate: {
      type: "string",
      description: "Go text/template over the matched features, giving key=value lines of more vars (at most 64 KiB; see docs/spec.md for the functions)."
    }
  }
};
var schema14 = {
  type: "array",
  description: "Terms that must all match (logical AND).",
  items: { $ref: "#/$defs/term" }
};
var schema15 = {
  type: "object",
  description: "One feature and the expressions its elements must satisfy.",
  additionalProperties: false,
  required: ["feature"],
  properties: {
    feature: { type: "string", description: "Feature name, e.g. kernel.loadedmodule or pci.device." },
    matchExpressions: {
      type: "object",
      description: "Element name -> expression; all must hold (for instances: all in one instance).",
      additionalProperties: { $ref: "#/$defs/expression" }
    },
    matchName: { $ref: "#/$defs/expression" }
  }
};
var schema16 = {
  type: "object",
  description: "An NFD match expression: an operator and the values it compares the host value with.",
  additionalProperties: false,
  properties: {
    op: {
      type: "string",
      description: "The operator: In, NotIn, InRegexp, Exists, DoesNotExist, Gt, Ge, Lt, Le, GtLt, GeLe, IsTrue, IsFalse. Empty or missing is NFD's MatchAny (always true; lint refuses it).",
      examples: [
        "In",
        "NotIn",
        "InRegexp",
        "Exists",
        "DoesNotExist",
        "Gt",
        "Ge",
        "Lt",
        "Le",
        "GtLt",
        "GeLe",
        "IsTrue",
        "IsFalse"
      ]
    },
    value: {
      type: "array",
      description: "Values (strings). Quote numbers: YAML reads an unquoted 1.10 as the number 1.1. None for Exists, DoesNotExist, IsTrue, IsFalse; one for Gt, Ge, Lt, Le; two for GtLt, GeLe; at least one otherwise.",
      items: { type: ["string", "number", "boolean"] }
    },
    type: {
      type: "string",
      description: "version: compare as versions (major.minor.patch) instead of integers; Gt, Ge, Lt, Le, GtLt, GeLe only. Other values: lint refuses them, NFD fails on them when it compares.",
      examples: ["version"]
    }
  }
};
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.feature === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "feature" },
        message: "must have required property 'feature'",
        schema: schema15.required,
        parentSchema: schema15,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "feature" || key0 === "matchExpressions" || key0 === "matchName")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema15,
          data
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.feature !== void 0) {
      let data0 = data.feature;
      if (typeof data0 !== "string") {
        const err2 = {
          instancePath: instancePath + "/feature",
          schemaPath: "#/properties/feature/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema15.properties.feature.type,
          parentSchema: schema15.properties.feature,
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
    if (data.matchExpressions !== void 0) {
      let data1 = data.matchExpressions;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          let data2 = data1[key1];
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            for (const key2 in data2) {
              if (!(key2 === "op" || key2 === "value" || key2 === "type")) {
                const err3 = {
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/$defs/expression/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key2 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema16,
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
            if (data2.op !== void 0) {
              let data3 = data2.op;
              if (typeof data3 !== "string") {
                const err4 = {
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/op",
                  schemaPath: "#/$defs/expression/properties/op/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema16.properties.op.type,
                  parentSchema: schema16.properties.op,
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
            if (data2.value !== void 0) {
              let data4 = data2.value;
              if (Array.isArray(data4)) {
                const len0 = data4.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data5 = data4[i0];
                  if (typeof data5 !== "string" && !(typeof data5 == "number") && typeof data5 !== "boolean") {
                    const err5 = {
                      instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/value/" + i0,
                      schemaPath: "#/$defs/expression/properties/value/items/type",
                      keyword: "type",
                      params: { type: schema16.properties.value.items.type },
                      message: "must be string,number,boolean",
                      schema: schema16.properties.value.items.type,
                      parentSchema: schema16.properties.value.items,
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
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/value",
                  schemaPath: "#/$defs/expression/properties/value/type",
                  keyword: "type",
                  params: { type: "array" },
                  message: "must be array",
                  schema: schema16.properties.value.type,
                  parentSchema: schema16.properties.value,
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
            if (data2.type !== void 0) {
              let data6 = data2.type;
              if (typeof data6 !== "string") {
                const err7 = {
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/type",
                  schemaPath: "#/$defs/expression/properties/type/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema16.properties.type.type,
                  parentSchema: schema16.properties.type,
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
              instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/$defs/expression/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema16.type,
              parentSchema: schema16,
              data: data2
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = {
          instancePath: instancePath + "/matchExpressions",
          schemaPath: "#/properties/matchExpressions/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema15.properties.matchExpressions.type,
          parentSchema: schema15.properties.matchExpressions,
          data: data1
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.matchName !== void 0) {
      let data7 = data.matchName;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        for (const key3 in data7) {
          if (!(key3 === "op" || key3 === "value" || key3 === "type")) {
            const err10 = {
              instancePath: instancePath + "/matchName",
              schemaPath: "#/$defs/expression/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key3 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema16,
              data: data7
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data7.op !== void 0) {
          let data8 = data7.op;
          if (typeof data8 !== "string") {
            const err11 = {
              instancePath: instancePath + "/matchName/op",
              schemaPath: "#/$defs/expression/properties/op/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema16.properties.op.type,
              parentSchema: schema16.properties.op,
              data: data8
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data7.value !== void 0) {
          let data9 = data7.value;
          if (Array.isArray(data9)) {
            const len1 = data9.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data10 = data9[i1];
              if (typeof data10 !== "string" && !(typeof data10 == "number") && typeof data10 !== "boolean") {
                const err12 = {
                  instancePath: instancePath + "/matchName/value/" + i1,
                  schemaPath: "#/$defs/expression/properties/value/items/type",
                  keyword: "type",
                  params: { type: schema16.properties.value.items.type },
                  message: "must be string,number,boolean",
                  schema: schema16.properties.value.items.type,
                  parentSchema: schema16.properties.value.items,
                  data: data10
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
          } else {
            const err13 = {
              instancePath: instancePath + "/matchName/value",
              schemaPath: "#/$defs/expression/properties/value/type",
              keyword: "type",
              params: { type: "array" },
              message: "must be array",
              schema: schema16.properties.value.type,
              parentSchema: schema16.properties.value,
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
        if (data7.type !== void 0) {
          let data11 = data7.type;
          if (typeof data11 !== "string") {
            const err14 = {
              instancePath: instancePath + "/matchName/type",
              schemaPath: "#/$defs/expression/properties/type/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema16.properties.type.type,
              parentSchema: schema16.properties.type,
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
      } else {
        const err15 = {
          instancePath: instancePath + "/matchName",
          schemaPath: "#/$defs/expression/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema16.type,
          parentSchema: schema16,
          data: data7
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema15.type,
      parentSchema: schema15,
      data
    };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      if (!validate14(data[i0], {
        instancePath: instancePath + "/" + i0,
        parentData: data,
        parentDataProperty: i0,
        rootData
      })) {
        vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err0 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "array" },
      message: "must be array",
      schema: schema14.type,
      parentSchema: schema14,
      data
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate122(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "name" },
        message: "must have required property 'name'",
        schema: schema132.required,
        parentSchema: schema132,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "matchFeatures" || key0 === "matchAny" || key0 === "vars" || key0 === "varsTemplate")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema132,
          data
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 !== "string") {
        const err2 = {
          instancePath: instancePath + "/name",
          schemaPath: "#/properties/name/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema132.properties.name.type,
          parentSchema: schema132.properties.name,
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
    if (data.matchFeatures !== void 0) {
      if (!validate13(data.matchFeatures, {
        instancePath: instancePath + "/matchFeatures",
        parentData: data,
        parentDataProperty: "matchFeatures",
        rootData
      })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
    if (data.matchAny !== void 0) {
      let data2 = data.matchAny;
      if (Array.isArray(data2)) {
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            if (data3.matchFeatures === void 0) {
              const err3 = {
                instancePath: instancePath + "/matchAny/" + i0,
                schemaPath: "#/properties/matchAny/items/required",
                keyword: "required",
                params: { missingProperty: "matchFeatures" },
                message: "must have required property 'matchFeatures'",
                schema: schema132.properties.matchAny.items.required,
                parentSchema: schema132.properties.matchAny.items,
                data: data3
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            for (const key1 in data3) {
              if (!(key1 === "matchFeatures")) {
                const err4 = {
                  instancePath: instancePath + "/matchAny/" + i0,
                  schemaPath: "#/properties/matchAny/items/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key1 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema132.properties.matchAny.items,
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
            if (data3.matchFeatures !== void 0) {
              if (!validate13(data3.matchFeatures, {
                instancePath: instancePath + "/matchAny/" + i0 + "/matchFeatures",
                parentData: data3,
                parentDataProperty: "matchFeatures",
                rootData
              })) {
                vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
                errors = vErrors.length;
              }
            }
          } else {
            const err5 = {
              instancePath: instancePath + "/matchAny/" + i0,
              schemaPath: "#/properties/matchAny/items/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema132.properties.matchAny.items.type,
              parentSchema: schema132.properties.matchAny.items,
              data: data3
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
          instancePath: instancePath + "/matchAny",
          schemaPath: "#/properties/matchAny/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema132.properties.matchAny.type,
          parentSchema: schema132.properties.matchAny,
          data: data2
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.vars !== void 0) {
      let data5 = data.vars;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key2 in data5) {
          let data6 = data5[key2];
          if (typeof data6 !== "string") {
            const err7 = {
              instancePath: instancePath + "/vars/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/vars/additionalProperties/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema132.properties.vars.additionalProperties.type,
              parentSchema: schema132.properties.vars.additionalProperties,
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
          instancePath: instancePath + "/vars",
          schemaPath: "#/properties/vars/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema132.properties.vars.type,
          parentSchema: schema132.properties.vars,
          data: data5
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.varsTemplate !== void 0) {
      let data7 = data.varsTemplate;
      if (typeof data7 !== "string") {
        const err9 = {
          instancePath: instancePath + "/varsTemplate",
          schemaPath: "#/properties/varsTemplate/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema132.properties.varsTemplate.type,
          parentSchema: schema132.properties.varsTemplate,
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
  } else {
    const err10 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema132.type,
      parentSchema: schema132,
      data
    };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate122.errors = vErrors;
  return errors === 0;
}
function validate112(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.rules === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "rules" },
        message: "must have required property 'rules'",
        schema: schema122.required,
        parentSchema: schema122,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "description" || key0 === "tag" || key0 === "weight" || key0 === "rules")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema122,
          data
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data0 = data.description;
      if (typeof data0 !== "string") {
        const err2 = {
          instancePath: instancePath + "/description",
          schemaPath: "#/properties/description/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema122.properties.description.type,
          parentSchema: schema122.properties.description,
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
    if (data.tag !== void 0) {
      let data1 = data.tag;
      if (typeof data1 !== "string") {
        const err3 = {
          instancePath: instancePath + "/tag",
          schemaPath: "#/properties/tag/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema122.properties.tag.type,
          parentSchema: schema122.properties.tag,
          data: data1
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.weight !== void 0) {
      let data2 = data.weight;
      if (!(typeof data2 == "number" && !(data2 % 1) && !isNaN(data2))) {
        const err4 = {
          instancePath: instancePath + "/weight",
          schemaPath: "#/properties/weight/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema122.properties.weight.type,
          parentSchema: schema122.properties.weight,
          data: data2
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data3 = data.rules;
      if (Array.isArray(data3)) {
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate122(data3[i0], {
            instancePath: instancePath + "/rules/" + i0,
            parentData: data3,
            parentDataProperty: i0,
            rootData
          })) {
            vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + "/rules",
          schemaPath: "#/properties/rules/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema122.properties.rules.type,
          parentSchema: schema122.properties.rules,
          data: data3
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
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema122.type,
      parentSchema: schema122,
      data
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate112.errors = vErrors;
  return errors === 0;
}
function validate102(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "version" },
        message: "must have required property 'version'",
        schema: schema112.required,
        parentSchema: schema112,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.compatibilities === void 0) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "compatibilities" },
        message: "must have required property 'compatibilities'",
        schema: schema112.required,
        parentSchema: schema112,
        data
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "compatibilities")) {
        const err2 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema112,
          data
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if ("v1alpha1" !== data0) {
        const err3 = {
          instancePath: instancePath + "/version",
          schemaPath: "#/properties/version/const",
          keyword: "const",
          params: { allowedValue: "v1alpha1" },
          message: "must be equal to constant",
          schema: "v1alpha1",
          parentSchema: schema112.properties.version,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.compatibilities !== void 0) {
      let data1 = data.compatibilities;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err4 = {
            instancePath: instancePath + "/compatibilities",
            schemaPath: "#/properties/compatibilities/minItems",
            keyword: "minItems",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 items",
            schema: 1,
            parentSchema: schema112.properties.compatibilities,
            data: data1
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate112(data1[i0], {
            instancePath: instancePath + "/compatibilities/" + i0,
            parentData: data1,
            parentDataProperty: i0,
            rootData
          })) {
            vErrors = vErrors === null ? validate112.errors : vErrors.concat(validate112.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + "/compatibilities",
          schemaPath: "#/properties/compatibilities/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema112.properties.compatibilities.type,
          parentSchema: schema112.properties.compatibilities,
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
  } else {
    const err6 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema112.type,
      parentSchema: schema112,
      data
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate102.errors = vErrors;
  return errors === 0;
}

// src/spec/parse.ts
var validateSchema = validate;
function checkSpecDocument(text, opts = {}) {
  const { src, diagnostics: read } = nfdSource(text);
  const errors = schemaErrors(validateSchema, src.value);
  if (errors) return { diagnostics: [...read, ...schemaDiagnostics(src, errors)] };
  const spec = canonicalSpec(src.value);
  const diagnostics = [...read, ...nfdDiagnostics(src, spec, opts)];
  return diagnostics.some((d) => d.severity === "error") ? { diagnostics } : { spec, diagnostics };
}
function readSpecForEvaluation(text, file, opts = {}) {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file), { lenient: !opts.strict });
  throwFirstError(diagnostics);
  return { spec, warnings: diagnostics.filter((d) => d.severity === "warning") };
}

// src/commands/policy.ts
var import_node_fs = __toESM(require_fs(), 1);
var POLICY_SETTINGS = [
  "public-key",
  "certificate-identity",
  "certificate-identity-regexp",
  "certificate-oidc-issuer",
  "trusted-root"
];
var POLICY_CHOICES = `${setting("public-key")}, or ${setting("certificate-identity")} (or ${setting("certificate-identity-regexp")}) with ${setting("certificate-oidc-issuer")} [and ${setting("trusted-root")}]`;
function policyNeeded(what) {
  return new InputError(`${what} needs a policy: ${POLICY_CHOICES}`);
}
function policyRequested(p) {
  return [
    p.key,
    p.certificateIdentity,
    p.certificateIdentityRegexp,
    p.certificateOidcIssuer,
    p.trustedRoot
  ].some((v) => v !== void 0 && v !== "");
}
async function readText2(file, what) {
  return readText(file, { maxBytes: LIMITS.small, what });
}
async function keyText(value) {
  if (value.includes("-----BEGIN")) return { key: value, keySource: "the public key given" };
  if (!(0, import_node_fs.existsSync)(value))
    throw new InputError(`public key ${value}: neither PEM nor a file`, { file: value });
  return { key: await readText2(value, "public key"), keySource: value };
}
async function loadPolicy(p, note) {
  if (!policyRequested(p)) return void 0;
  const { resolvePolicy } = await import("./trust-EXPOH6AN.js");
  return resolvePolicy(
    {
      ...p.key && await keyText(p.key),
      ...p.certificateIdentity && { certificateIdentity: p.certificateIdentity },
      ...p.certificateIdentityRegexp && { certificateIdentityRegexp: p.certificateIdentityRegexp },
      ...p.certificateOidcIssuer && { certificateOidcIssuer: p.certificateOidcIssuer },
      ...p.trustedRoot && {
        trustedRoot: await readText2(p.trustedRoot, "trusted root"),
        trustedRootSource: p.trustedRoot
      }
    },
    { ...p.offline && { offline: true }, note }
  );
}

// src/match/hash.ts
var MASK = 16777215;
var SEED = 5381;
function mixString(h, s) {
  for (let i = 0; i < s.length; i++) h = h * 31 + s.charCodeAt(i) & MASK;
  return h * 31 + s.length & MASK;
}
function mixInt(h, n) {
  return h * 31 + (n + 1 & MASK) & MASK;
}
var Buckets = class {
  /** Per slot: its value's hash + 1, or 0 when empty. */
  hashes = new Int32Array(16);
  values = new Array(16);
  count = 0;
  /** 32 - log2(the table's size): start()'s shift. */
  shift = 28;
  /** The first slot holding a value of hash h, or -1. */
  first(h) {
    return this.probe(h, this.start(h));
  }
  /** The next slot after `slot` holding a value of hash h, or -1. */
  next(h, slot) {
    return this.probe(h, slot + 1 & this.hashes.length - 1);
  }
  at(slot) {
    return this.values[slot];
  }
  add(h, value) {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.put(h, value);
    this.count++;
  }
  start(h) {
    return Math.imul(h, 2654435761) >>> this.shift;
  }
  probe(h, from) {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let slot = from; ; slot = slot + 1 & mask) {
      const x = hashes[slot];
      if (x === 0) return -1;
      if (x === h + 1) return slot;
    }
  }
  put(h, value) {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let slot = this.start(h);
    while (hashes[slot] !== 0) slot = slot + 1 & mask;
    hashes[slot] = h + 1;
    this.values[slot] = value;
  }
  grow() {
    const hashes = this.hashes;
    const values = this.values;
    this.hashes = new Int32Array(hashes.length * 2);
    this.values = new Array(hashes.length * 2);
    this.shift--;
    for (let slot = 0; slot < hashes.length; slot++)
      if (hashes[slot] !== 0) this.put(hashes[slot] - 1, values[slot]);
  }
};

// src/match/expression.ts
var ExpressionError = class extends Error {
};
var KNOWN_OPS = /* @__PURE__ */ new Set([MATCH_ANY, ...MATCH_OPS]);
function describe(e) {
  return e.value?.length ? `{op: ${JSON.stringify(e.op)}, value: [${e.value.map((v) => JSON.stringify(v)).join(" ")}]}` : `{op: ${JSON.stringify(e.op)}}`;
}
function testValue(c, value) {
  const members = c.members;
  if (members === void 0) return c.test(value);
  if (c.lookup) return c.lookup.has(value) !== c.negated;
  for (let i = 0; i < members.length; i++) if (members[i] === value) return !c.negated;
  return c.negated === true;
}
var fail = (message) => () => {
  throw new ExpressionError(message);
};
var never = () => false;
function emptyValueError(e) {
  return `invalid expression, 'value' field must be empty for Op ${JSON.stringify(e.op)} (have ${describe(e)})`;
}
function lazyRef(parse) {
  let done = false;
  let v;
  return () => {
    if (!done) {
      v = parse();
      done = true;
    }
    return v;
  };
}
function reader(e) {
  const version = (e.type ?? "") === "version";
  const parse = version ? parseVersion : parseGoIntFast;
  const kind = version ? "version" : "number";
  return {
    input: (s) => {
      const v = parse(s);
      if (v === void 0) throw new ExpressionError(`not a ${kind} ${JSON.stringify(s)}`);
      return v;
    },
    ref: (i) => lazyRef(() => {
      const v = parse(e.value[i]);
      if (v === void 0)
        throw new ExpressionError(`not a ${kind} ${JSON.stringify(e.value[i])} in ${describe(e)}`);
      return v;
    }),
    compare: version ? (a, b) => compareVersions(a, b) : (a, b) => a < b ? -1 : a > b ? 1 : 0
  };
}
function typeError(e) {
  const type = e.type ?? "";
  return type === "" || type === "version" ? void 0 : `invalid expression, 'type' field only accepts "version" value for Op ${JSON.stringify(e.op)} (have ${JSON.stringify(type)})`;
}
function compileTest(e) {
  const values = e.value ?? [];
  const nonEmpty = `invalid expression, 'value' field must be non-empty for Op ${JSON.stringify(e.op)}`;
  switch (e.op) {
    case "In":
    case "NotIn":
      return fail(nonEmpty);
    // with values: a Set (compile)
    case "InRegexp": {
      if (!values.length) return fail(nonEmpty);
      const literals = values.map(literalPattern);
      if (literals.every((t) => t !== void 0)) return (v) => literals.some((t) => t(v));
      const res = lazyRef(
        () => values.map((p) => {
          try {
            return compileRE2(p);
          } catch (err) {
            rethrowEngineError(err);
            throw new ExpressionError(
              `invalid expression, 'value' field must only contain valid regexps for Op "InRegexp" (have ${describe(e)})`
            );
          }
        })
      );
      return (v) => res().some((re) => re.test(v));
    }
    case "Gt":
    case "Ge":
    case "Lt":
    case "Le": {
      if (values.length !== 1)
        return fail(
          `invalid expression, 'value' field must contain exactly one element for Op ${JSON.stringify(e.op)} (have ${describe(e)})`
        );
      const te = typeError(e);
      if (te) return fail(te);
      const { input, ref, compare } = reader(e);
      const r = ref(0);
      const holds = e.op === "Gt" ? (c) => c > 0 : e.op === "Ge" ? (c) => c >= 0 : e.op === "Lt" ? (c) => c < 0 : (c) => c <= 0;
      return (v) => {
        const l = input(v);
        return holds(compare(l, r()));
      };
    }
    case "GtLt":
    case "GeLe": {
      if (values.length !== 2)
        return fail(
          `invalid expression, 'value' field must contain exactly two elements for Op ${JSON.stringify(e.op)} (have ${describe(e)})`
        );
      const te = typeError(e);
      if (te) return fail(te);
      const integers = (e.type ?? "") === "";
      const { input, ref, compare } = reader(e);
      const r0 = ref(0);
      const r1 = ref(1);
      const range = `invalid expression, value[0] must be less than Value[1] for Op ${JSON.stringify(e.op)} (have ${describe(e)})`;
      const open = e.op === "GtLt";
      return (v) => {
        const l = input(v);
        const lo = compare(l, r0());
        const hi = compare(l, r1());
        if (integers && compare(r0(), r1()) >= 0) throw new ExpressionError(range);
        return open ? lo > 0 && hi < 0 : lo >= 0 && hi <= 0;
      };
    }
    case "IsTrue":
    case "IsFalse": {
      if (values.length) return fail(emptyValueError(e));
      const want = e.op === "IsTrue" ? "true" : "false";
      return (v) => v === want;
    }
  }
  return fail(`unsupported Op ${JSON.stringify(e.op)}`);
}
function reportedText(r) {
  return r.text ??= describe(r.expression);
}
function reported(e) {
  const expression3 = { op: e.op };
  if (e.value?.length) expression3.value = Object.freeze([...e.value]);
  if (e.type) expression3.type = e.type;
  return { expression: Object.freeze(expression3), text: void 0 };
}
var COSTLY_OPS = /* @__PURE__ */ new Set(["InRegexp", "Gt", "Ge", "Lt", "Le", "GtLt", "GeLe"]);
function compile(e, id, report, source) {
  if (!KNOWN_OPS.has(e.op))
    return make(id, "value", `invalid Op ${JSON.stringify(e.op)}`, never, false, report, source);
  const kind = e.op === MATCH_ANY ? "any" : e.op === "Exists" ? "exists" : e.op === "DoesNotExist" ? "doesNotExist" : "value";
  if (kind !== "value")
    return make(id, kind, e.value?.length ? emptyValueError(e) : void 0, never, false, report, source);
  if ((e.op === "In" || e.op === "NotIn") && e.value?.length) {
    const members = distinct(report?.expression.value ?? [...e.value]);
    const lookup = members.length > 8 ? new Set(members) : void 0;
    return make(id, kind, void 0, void 0, false, report, source, members, lookup, e.op === "NotIn");
  }
  return make(id, kind, void 0, compileTest(e), COSTLY_OPS.has(e.op), report, source);
}
function make(id, kind, always, test, costly, reported2, source, members, lookup, negated) {
  return { id, kind, always, test, costly, members, lookup, negated, reported: reported2, source };
}
function distinct(values) {
  if (values.length > 8) return values.length === new Set(values).size ? values : [...new Set(values)];
  for (let i = 1; i < values.length; i++)
    if (values.lastIndexOf(values[i], i - 1) >= 0) return [...new Set(values)];
  return values;
}
var NO_VALUES = [];
function expressionHash(e) {
  const op = e.op;
  const type = e.type ?? "";
  const values = e.value ?? NO_VALUES;
  if (typeof op !== "string" || typeof type !== "string" || !Array.isArray(values)) return -1;
  let h = mixString(mixString(SEED, op), type);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "string") return -1;
    h = mixString(h, v);
  }
  return mixInt(h, values.length);
}
function alike(a, b) {
  if (a.op !== b.op || (a.type ?? "") !== (b.type ?? "")) return false;
  const av = a.value ?? NO_VALUES;
  const bv = b.value ?? NO_VALUES;
  if (!Array.isArray(bv) || av.length !== bv.length) return false;
  for (let i = 0; i < av.length; i++) if (av[i] !== bv[i]) return false;
  return true;
}
var ExpressionCompiler = class {
  compiled = new Buckets();
  features = /* @__PURE__ */ new Map();
  elements = /* @__PURE__ */ new Map();
  /** By expression number: the element first reported with it, and that pair's number (reportId). */
  firstElement = [];
  firstReport = [];
  /** The other pairs: by element, then expression number. */
  reports = /* @__PURE__ */ new Map();
  ids = 0;
  elementIds = 0;
  reportIds = 0;
  /** A number for an element (element()) with an expression compiled here (the same for the same pair). */
  reportId(element, c) {
    const first = this.firstElement[c.id];
    if (first === void 0) {
      this.firstElement[c.id] = element;
      return this.firstReport[c.id] = this.reportIds++;
    }
    if (first === element) return this.firstReport[c.id];
    let byExpression = this.reports.get(element);
    if (!byExpression) {
      byExpression = /* @__PURE__ */ new Map();
      this.reports.set(element, byExpression);
    }
    let id = byExpression.get(c.id);
    if (id === void 0) {
      id = this.reportIds++;
      byExpression.set(c.id, id);
    }
    return id;
  }
  /** A number for element `name` of feature `spelling` (the same for the same pair). */
  element(spelling, name) {
    let byName2 = this.elements.get(spelling);
    if (!byName2) {
      byName2 = /* @__PURE__ */ new Map();
      this.elements.set(spelling, byName2);
    }
    let id = byName2.get(name);
    if (id === void 0) {
      id = this.elementIds++;
      byName2.set(name, id);
    }
    return id;
  }
  feature(spelling) {
    let f = this.features.get(spelling);
    if (!f) {
      const dot = spelling.indexOf(".");
      const lower = spelling.toLowerCase();
      f = dot < 0 ? { lower, dom: lower, nam: "" } : { lower, dom: spelling.slice(0, dot), nam: spelling.slice(dot + 1) };
      this.features.set(spelling, f);
    }
    return f;
  }
  /** `h`: expressionHash(e), when the caller has it. */
  compile(e, h = expressionHash(e)) {
    if (h >= 0) {
      const table = this.compiled;
      for (let i = table.first(h); i >= 0; i = table.next(h, i))
        if (alike(table.at(i).source, e)) return table.at(i);
    }
    const c = compile(e, this.ids++, reported(e), e);
    if (h >= 0) this.compiled.add(h, c);
    return c;
  }
};
function evaluateCompiled(c, valid, value, memo) {
  if (c.always !== void 0) throw new ExpressionError(c.always);
  switch (c.kind) {
    case "any":
      return true;
    case "exists":
      return valid;
    case "doesNotExist":
      return !valid;
  }
  if (!valid || value === void 0) return false;
  return memo && c.costly ? memo.test(c, value) : testValue(c, value);
}

// src/match/host.ts
var DIRECT_INSTANCES = 32;
var InstanceIndex = class {
  constructor(elements) {
    this.elements = elements;
    this.size = elements.length;
  }
  elements;
  size;
  attrs;
  groups;
  scratch;
  nothing;
  empty() {
    return new Uint32Array(this.size + 31 >>> 5);
  }
  all() {
    const b = this.empty();
    b.fill(4294967295);
    if (this.size & 31) b[b.length - 1] = (1 << (this.size & 31)) - 1;
    return b;
  }
  /** The verdict that holds nowhere (an empty set never written to), one for every such verdict. */
  nowhere() {
    return this.nothing ??= { match: this.empty(), any: false };
  }
  /** all(), in one buffer reused by every call: valid until the next call. */
  allScratch() {
    if (!this.scratch) this.scratch = this.all();
    else {
      this.scratch.fill(4294967295);
      if (this.size & 31) this.scratch[this.scratch.length - 1] = (1 << (this.size & 31)) - 1;
    }
    return this.scratch;
  }
  attribute(name) {
    let a = this.attrs?.get(name);
    if (!a) {
      const present = this.empty();
      const values = /* @__PURE__ */ new Map();
      const distinct2 = [];
      const holders = [];
      for (let i = 0; i < this.size; i++) {
        const attrs = this.elements[i].attributes;
        if (!attrs || !Object.hasOwn(attrs, name)) continue;
        present[i >>> 5] |= 1 << (i & 31);
        const v = attrs[name];
        if (v === void 0) continue;
        const list3 = values.get(v);
        if (list3) list3.push(i);
        else {
          const l = [i];
          values.set(v, l);
          distinct2.push(v);
          holders.push(l);
        }
      }
      a = { name, present, values, distinct: distinct2, holders, verdicts: [] };
      (this.attrs ??= /* @__PURE__ */ new Map()).set(name, a);
    }
    return a;
  }
  /** The attribute's distinct values across instances, first appearance first (hostValuesOf's order). */
  valuesOf(name) {
    return this.attribute(name).distinct.slice();
  }
  /** The expression on attribute `name` of every instance, as NFD's evaluateMatchExpression. */
  verdict(name, c) {
    const a = this.attribute(name);
    if (c.id < 0) return this.decide(a, c);
    return a.verdicts[c.id] ??= this.decide(a, c);
  }
  decide(a, c) {
    if (c.always !== void 0) {
      const message = c.always;
      return { match: this.empty(), any: false, errors: this.all(), errorAt: () => message };
    }
    if (c.kind === "any") return { match: this.all(), any: this.size > 0 };
    if (c.kind === "exists") return { match: a.present, any: a.present.some((w) => w !== 0) };
    if (c.kind === "doesNotExist") {
      const match2 = this.all();
      for (let w = 0; w < match2.length; w++) match2[w] &= ~a.present[w];
      return { match: match2, any: match2.some((w) => w !== 0) };
    }
    if (c.members && !c.negated) {
      const wanted = c.members;
      let match2;
      for (let m = 0; m < wanted.length; m++) {
        const members = a.values.get(wanted[m]);
        if (!members) continue;
        match2 ??= this.empty();
        for (let k = 0; k < members.length; k++) match2[members[k] >>> 5] |= 1 << (members[k] & 31);
      }
      return match2 ? { match: match2, any: true } : this.nowhere();
    }
    const match = this.empty();
    let any = false;
    let errors;
    let messages;
    for (let d = 0; d < a.distinct.length; d++) {
      const value = a.distinct[d];
      const members = a.holders[d];
      let holds;
      try {
        holds = testValue(c, value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        errors ??= this.empty();
        (messages ??= /* @__PURE__ */ new Map()).set(value, err.message);
        for (let k = 0; k < members.length; k++) errors[members[k] >>> 5] |= 1 << (members[k] & 31);
        continue;
      }
      if (!holds) continue;
      any = true;
      for (let k = 0; k < members.length; k++) match[members[k] >>> 5] |= 1 << (members[k] & 31);
    }
    if (!errors) return { match, any };
    return { match, any, errors, errorAt: (i) => messages.get(this.elements[i].attributes[a.name]) };
  }
  /** The instances' attribute names, grouped by identical lists, groups in first-member order. */
  nameGroups() {
    if (!this.groups) {
      const byList = /* @__PURE__ */ new Map();
      this.groups = [];
      this.elements.forEach((inst, i) => {
        const names = Object.keys(inst.attributes ?? {});
        const key = JSON.stringify(names);
        let g = byList.get(key);
        if (!g) {
          g = { names, members: [] };
          byList.set(key, g);
          this.groups.push(g);
        }
        g.members.push(i);
      });
    }
    return this.groups;
  }
};
function firstBit(b) {
  for (let w = 0; w < b.length; w++) {
    const x = b[w];
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
  }
  return -1;
}
function nextBit(b, from) {
  let w = from >>> 5;
  if (w >= b.length) return -1;
  let x = b[w] & ~0 << (from & 31);
  for (; ; ) {
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
    if (++w >= b.length) return -1;
    x = b[w];
  }
}
function andInto(a, b) {
  for (let w = 0; w < a.length; w++) a[w] &= b[w];
}
function own(obj, key) {
  return obj && Object.hasOwn(obj, key) ? obj[key] : void 0;
}
function assignOwn(out, from) {
  const keys = Object.keys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: from[k], enumerable: true, writable: true, configurable: true });
    else out[k] = from[k];
  }
}
var NO_VALUES2 = Object.freeze([]);
function hostValuesOf(features2, feature, name) {
  return valuesIn(
    own(features2.flags, feature)?.elements,
    own(features2.attributes, feature)?.elements,
    own(features2.instances, feature)?.elements,
    name
  );
}
function valuesIn(flags, attrs, insts, name) {
  const flag = flags !== void 0 && Object.hasOwn(flags, name);
  const attr = attrs !== void 0 && Object.hasOwn(attrs, name);
  if (!insts) {
    if (!attr) return flag ? [name] : NO_VALUES2;
    return flag && attrs[name] !== name ? [name, attrs[name]] : [attrs[name]];
  }
  const out = new Array(insts.length + 2);
  let n = 0;
  if (flag) out[n++] = name;
  if (attr && !(flag && attrs[name] === name)) out[n++] = attrs[name];
  const seen = insts.length > DIRECT_INSTANCES ? new Set(out.slice(0, n)) : void 0;
  for (let i = 0; i < insts.length; i++) {
    const a = insts[i].attributes;
    if (!a || !Object.hasOwn(a, name)) continue;
    const v = a[name];
    if (seen ? seen.has(v) : among(out, n, v)) continue;
    seen?.add(v);
    out[n++] = v;
  }
  if (n === 0) return NO_VALUES2;
  out.length = n;
  return out;
}
function among(xs, n, v) {
  for (let i = 0; i < n; i++) if (xs[i] === v) return true;
  return false;
}
var HostIndex = class {
  /** `features`: the host's, as given (not the working copy with rule.matched). */
  constructor(features2) {
    this.features = features2;
  }
  features;
  // Created on first use: a host that a spec barely looks at (many small hosts) pays for none.
  instanceIndexes;
  /** By element number (ExpressionCompiler.element). */
  hostValueCache = [];
  /** Costly expressions' verdicts on this host's values: true, false, or NFD's error message. */
  verdicts;
  /** The index of an instance feature's elements (the host's; rule.matched is never an instance feature). */
  instances(feature, elements) {
    let ix = this.instanceIndexes?.get(feature);
    if (!ix || ix.elements !== elements) {
      ix = new InstanceIndex(elements);
      (this.instanceIndexes ??= /* @__PURE__ */ new Map()).set(feature, ix);
    }
    return ix;
  }
  /** testValue(c, value), remembered (flag, attribute and element names repeat from rule to rule). */
  test(c, value) {
    let byValue = this.verdicts?.get(c);
    if (!byValue) {
      byValue = /* @__PURE__ */ new Map();
      (this.verdicts ??= /* @__PURE__ */ new Map()).set(c, byValue);
    }
    let v = byValue.get(value);
    if (v === void 0) {
      try {
        v = testValue(c, value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        v = err.message;
      }
      byValue.set(value, v);
    }
    if (typeof v === "string") throw new ExpressionError(v);
    return v;
  }
  /**
   * hostValuesOf the host's features, computed once per element and shared (frozen once shared); `element`:
   * the compiler's number for (feature, name).
   */
  hostValues(feature, name, element) {
    const v = this.hostValueCache[element];
    if (v) return Object.isFrozen(v) ? v : Object.freeze(v);
    const f = this.features;
    const flags = own(f.flags, feature)?.elements;
    const attrs = own(f.attributes, feature)?.elements;
    const insts = own(f.instances, feature)?.elements;
    const values = insts && insts.length > DIRECT_INSTANCES && !flags && !attrs ? this.instances(feature, insts).valuesOf(name) : valuesIn(flags, attrs, insts, name);
    this.hostValueCache[element] = values;
    return values;
  }
};

// src/match/backref.ts
var Backref = class {
  /** `host`: the host's features, as given (never written to). */
  constructor(host) {
    this.host = host;
  }
  host;
  /** Whether a rule has been evaluated: from then on rule.matched exists. */
  started = false;
  elements;
  working;
  /** The features as a list reading rule.matched sees them now. */
  features() {
    if (!this.started) return this.host;
    if (!this.working) {
      const attributes = { ...this.host.attributes ?? {} };
      attributes["rule.matched"] = { elements: this.own() };
      this.working = { ...this.host, attributes };
    }
    return this.working;
  }
  /** After each rule: its vars (NFD's rule output) join rule.matched. */
  add(vars) {
    this.started = true;
    if (vars && Object.keys(vars).length) assignOwn(this.own(), vars);
  }
  /** rule.matched's elements, copied once from the host's (if any), then grown in place. */
  own() {
    return this.elements ??= { ...this.host.attributes?.["rule.matched"]?.elements ?? {} };
  }
};

// src/match/terms.ts
var TermError = class extends Error {
  constructor(message, feature, key) {
    super(message);
    this.feature = feature;
    this.key = key;
  }
  feature;
  key;
};
var TermCompiler = class extends ExpressionCompiler {
  terms = new Buckets();
  termIds = 0;
  /**
   * By place in a list: the interned term met there last. Rules repeat the terms of the rule
   * before them; one comparison recognises such a term without hashing it.
   */
  last = [];
  /**
   * By compiled expression number: the last entry made for it (an entry depends only on the
   * expression, its element and its place), for the next term that has it at the same place.
   */
  entries = [];
  /** The expression hashes of the term being hashed (written over, never emptied), for compileTerm. */
  hashes = [];
  /** Compiles the `index`th term of a list. */
  term(term2, index) {
    const prev = this.last[index];
    if (prev && sameTerm(prev, term2, index)) return prev;
    const exprs = term2.matchExpressions;
    let plain = true;
    let n = 0;
    let h = mixString(mixInt(SEED, index), term2.feature);
    if (exprs) {
      for (const name in exprs) {
        if (!Object.hasOwn(exprs, name)) continue;
        const eh = expressionHash(exprs[name]);
        this.hashes[n] = eh;
        if (eh < 0) plain = false;
        h = mixInt(mixString(h, name), eh);
        n++;
      }
    }
    const mh = term2.matchName ? expressionHash(term2.matchName) : -2;
    if (mh === -1) plain = false;
    h = mixInt(mixInt(h, exprs ? n : -1), mh);
    if (plain) {
      const table = this.terms;
      for (let i = table.first(h); i >= 0; i = table.next(h, i)) {
        if (sameTerm(table.at(i), term2, index)) return this.last[index] = table.at(i);
      }
    }
    const out = this.compileTerm(term2, index, n);
    if (plain) {
      this.terms.add(h, out);
      this.last[index] = out;
    }
    return out;
  }
  /** A new compiled term of `n` expressions: its entries made in one pass, nothing else allocated. */
  compileTerm(term2, index, n) {
    const exprs = term2.matchExpressions;
    const spelling = term2.feature;
    const { lower, dom, nam } = this.feature(spelling);
    let expressions;
    if (exprs) {
      expressions = new Array(n);
      let k = 0;
      for (const name in exprs) {
        if (!Object.hasOwn(exprs, name)) continue;
        const c = this.compile(exprs[name], this.hashes[k]);
        const element = this.element(spelling, name);
        const known = this.entries[c.id];
        expressions[k] = known && known.term === index && known.slot === k && known.element === element ? known : this.entries[c.id] = entry(
          index,
          k,
          spelling,
          lower,
          name,
          element,
          this.reportId(element, c),
          c
        );
        k++;
      }
    }
    const mn = term2.matchName;
    return {
      source: term2,
      id: this.termIds++,
      feature: lower,
      dom,
      nam,
      index,
      expressions,
      matchName: mn ? entry(index, n, spelling, lower, void 0, -1, -1, this.compile(mn)) : void 0,
      lists: 0
    };
  }
};
function entry(term2, slot, feature, lower, name, element, report, compiled2) {
  const expression3 = compiled2.reported.expression;
  return { term: term2, slot, feature, lower, name, element, report, expression: expression3, compiled: compiled2 };
}
function sameTerm(c, term2, index) {
  if (c.index !== index || c.source.feature !== term2.feature) return false;
  const mn = term2.matchName;
  if (c.matchName ? !mn || !alike(c.matchName.expression, mn) : mn) return false;
  const exprs = c.expressions;
  const mine = term2.matchExpressions;
  if (!exprs || !mine) return !exprs && !mine;
  let k = 0;
  for (const name in mine) {
    if (!Object.hasOwn(mine, name)) continue;
    if (k >= exprs.length || exprs[k].name !== name || !alike(exprs[k].expression, mine[name]))
      return false;
    k++;
  }
  return k === exprs.length;
}
function byName(elems) {
  return elems.sort((a, b) => a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0);
}
function termSlots(term2) {
  return (term2.expressions?.length ?? 0) + 1;
}
function matchInstances(term2, index, failFast, held, base, elems) {
  const exprs = term2.expressions;
  const candidates = index.allScratch();
  let errorAt = -1;
  let error = "";
  for (let k = 0; k < exprs.length; k++) {
    const v = index.verdict(exprs[k].name, exprs[k].compiled);
    if (v.errors) {
      let first;
      if (failFast) {
        const reached = v.errors.slice();
        andInto(reached, candidates);
        first = firstBit(reached);
      } else first = firstBit(v.errors);
      if (first >= 0 && (errorAt < 0 || first < errorAt)) {
        errorAt = first;
        error = v.errorAt(first);
      }
    }
    andInto(candidates, v.match);
  }
  if (errorAt >= 0) throw new ExpressionError(error);
  let count2 = 0;
  for (let i = firstBit(candidates); i >= 0; i = nextBit(candidates, i + 1)) {
    count2++;
    if (elems) elems.push(index.elements[i].attributes ?? {});
  }
  for (let k = 0; k < exprs.length; k++) {
    if (failFast ? count2 > 0 : index.verdict(exprs[k].name, exprs[k].compiled).any) held[base + k] = true;
  }
  return count2;
}
function matchInstancesDirect(term2, elements, failFast, held, base, elems) {
  const exprs = term2.expressions;
  let count2 = 0;
  for (let i = 0; i < elements.length; i++) {
    const attrs = elements[i].attributes;
    let all = true;
    for (let k = 0; k < exprs.length; k++) {
      const { name, compiled: compiled2 } = exprs[k];
      const has = attrs !== void 0 && attrs !== null && Object.hasOwn(attrs, name);
      if (evaluateCompiled(compiled2, has, has ? attrs[name] : void 0)) {
        if (!failFast) held[base + k] = true;
      } else {
        all = false;
        if (failFast) break;
      }
    }
    if (all) {
      count2++;
      if (elems) elems.push(attrs ?? {});
    }
  }
  if (failFast && count2 > 0) for (let k = 0; k < exprs.length; k++) held[base + k] = true;
  return count2;
}
function matchMulti(host, term2, keys, values, instances, failFast, held, base, elems) {
  const exprs = term2.expressions;
  let current;
  try {
    let isMatch = keys !== void 0 || values !== void 0;
    for (let k = 0; k < exprs.length; k++) {
      const { name, expression: e, compiled: c } = exprs[k];
      current = name;
      let matchK = false;
      let matchV = false;
      let failed = false;
      if (keys) {
        matchK = evaluateCompiled(c, Object.hasOwn(keys, name), void 0, host);
        if (matchK) {
          if (elems) elems.push({ Name: name });
          held[base + k] = true;
        } else if (e.op === "DoesNotExist") failed = true;
      }
      if (values && !failed) {
        const has = Object.hasOwn(values, name);
        matchV = evaluateCompiled(c, has, has ? values[name] : void 0, host);
        if (matchV) {
          if (elems) elems.push({ Name: name, Value: has ? values[name] : "" });
          held[base + k] = true;
        } else if (e.op === "DoesNotExist") failed = true;
      }
      if (failed || !matchK && !matchV) {
        isMatch = false;
        if (!failFast) continue;
        if (elems) elems.length = 0;
        held.fill(false, base, base + exprs.length);
        break;
      }
    }
    if (elems && elems.length > 1) byName(elems);
    current = void 0;
    const matchedInstances = !instances?.size ? 0 : instances.size <= DIRECT_INSTANCES ? matchInstancesDirect(term2, instances.elements, failFast, held, base, elems) : matchInstances(term2, instances, failFast, held, base, elems);
    return isMatch || matchedInstances > 0;
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term2.feature, current);
    throw err;
  }
}
function matchNames(host, term2, keys, values, instances, found, elems) {
  const c = term2.matchName.compiled;
  try {
    const names = /* @__PURE__ */ new Set();
    const start = elems?.length ?? 0;
    let count2 = 0;
    if (keys) {
      const ks = Object.keys(keys);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i];
        if (evaluateCompiled(c, true, k, host)) {
          count2++;
          if (elems) elems.push({ Name: k });
          names.add(k);
        }
      }
    }
    if (values) {
      const ks = Object.keys(values);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i];
        if (evaluateCompiled(c, true, k, host)) {
          count2++;
          if (elems) elems.push({ Name: k, Value: values[k] });
          names.add(k);
        }
      }
    }
    if (elems && elems.length - start > 1) {
      const mine = byName(elems.splice(start));
      for (let i = 0; i < mine.length; i++) elems.push(mine[i]);
    }
    if (instances?.size) {
      const matching = instances.empty();
      for (const g of instances.nameGroups()) {
        let any = false;
        for (const k of g.names) {
          if (evaluateCompiled(c, true, k, host)) {
            any = true;
            names.add(k);
          }
        }
        if (any) for (const i of g.members) matching[i >>> 5] |= 1 << (i & 31);
      }
      for (let i = firstBit(matching); i >= 0; i = nextBit(matching, i + 1)) {
        count2++;
        if (elems) elems.push(instances.elements[i].attributes);
      }
    }
    for (const n of names) found.push(n);
    return count2;
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term2.feature, void 0);
    throw err;
  }
}
function termOutcome(host, term2, keys, values, instances, failFast) {
  const held = new Array(termSlots(term2)).fill(false);
  let isTermMatch = true;
  if (term2.expressions)
    isTermMatch = matchMulti(host, term2, keys, values, instances, failFast, held, 0, void 0);
  let found;
  if (isTermMatch && term2.matchName) {
    found = [];
    isTermMatch = matchNames(host, term2, keys, values, instances, found, void 0) > 0;
    if (isTermMatch) held[held.length - 1] = true;
  }
  return { held, found, isTermMatch };
}
var NOT_GATHERED = /* @__PURE__ */ new Map();
function statusOf(isMatch, held, names, matchedFeatures) {
  return { isMatch, held, names, matchedFeatures };
}
function evaluateCompiledTerms(terms2, features2, host, failFast = false, gather = true, memo) {
  let isMatch = true;
  let isTermMatch = true;
  let slots = 0;
  for (let k = 0; k < terms2.length; k++) slots += termSlots(terms2[k]);
  const held = new Array(slots).fill(false);
  const names = new Array(terms2.length);
  const matchedFeatures = gather ? /* @__PURE__ */ new Map() : NOT_GATHERED;
  let base = 0;
  for (let k = 0; k < terms2.length; k++) {
    const term2 = terms2[k];
    const termBase = base;
    base += termSlots(term2);
    const { feature, dom, nam } = term2;
    if (gather && !matchedFeatures.has(dom)) matchedFeatures.set(dom, /* @__PURE__ */ new Map());
    const flags = own(features2.flags, feature);
    const attrs = own(features2.attributes, feature);
    const insts = own(features2.instances, feature);
    if (!flags && !attrs && !insts) {
      if (failFast) return statusOf(false, held, names, matchedFeatures);
      isMatch = false;
      continue;
    }
    const keys = flags?.elements ?? void 0;
    const values = attrs?.elements ?? void 0;
    const instances = insts?.elements ? host.instances(feature, insts.elements) : void 0;
    if (memo && term2.lists > 1 && !gather && feature !== "rule.matched" && (term2.expressions || isTermMatch)) {
      const o = memo[term2.id] ??= termOutcome(host, term2, keys, values, instances, failFast);
      const oh = o.held;
      for (let s = 0; s < oh.length; s++) if (oh[s]) held[termBase + s] = true;
      if (o.found) names[k] = o.found;
      isTermMatch = o.isTermMatch;
    } else {
      const elems = gather ? [] : void 0;
      if (term2.expressions)
        isTermMatch = matchMulti(host, term2, keys, values, instances, failFast, held, termBase, elems);
      if (isTermMatch && term2.matchName) {
        const found = [];
        isTermMatch = matchNames(host, term2, keys, values, instances, found, elems) > 0;
        names[k] = found;
        if (isTermMatch) held[base - 1] = true;
      }
      if (elems) {
        const byFeature = matchedFeatures.get(dom);
        const prev = byFeature.get(nam);
        byFeature.set(nam, prev ? [...prev, ...elems] : elems);
      }
    }
    if (!isTermMatch) {
      if (failFast) return statusOf(false, held, names, matchedFeatures);
      isMatch = false;
    }
  }
  return statusOf(isMatch, held, names, matchedFeatures);
}

// src/match/plan.ts
var NONE = Object.freeze([]);
var Planner = class {
  /** The first slot of each term of the list being planned (checks). */
  bases = [];
  /** By slot number: the frozen [slot] that the checks of lists share. */
  singles = [];
  /** The last list planned whose plan follows from its layout alone (byLayout), and its plan. */
  template;
  plan(terms2) {
    const t = this.template;
    if (t && sameLayout(t.terms, terms2))
      return { entries: planLike(t.plan.entries, terms2), checks: t.plan.checks };
    const entries = reportPlan(terms2);
    const plan = { entries, checks: this.checks(entries, terms2) };
    this.template = byLayout(entries, terms2) ? { terms: terms2, plan } : void 0;
    return plan;
  }
  /**
   * Per entry of a list's plan, its checks (checksOf). In a list whose terms all have distinct
   * features (nearly every list), an entry's only check is its own slot: those are computed
   * directly and shared (one frozen [slot] per slot number).
   */
  checks(plan, terms2) {
    const out = new Array(plan.length);
    if (!distinctFeatures(terms2)) {
      for (let i = 0; i < plan.length; i++) out[i] = checksOf(plan[i], terms2);
      return out;
    }
    const bases = this.bases;
    let base = 0;
    for (let k = 0; k < terms2.length; k++) {
      bases[k] = base;
      base += termSlots(terms2[k]);
    }
    for (let i = 0; i < plan.length; i++) {
      const entry2 = plan[i];
      const own2 = terms2[entry2.term];
      out[i] = entry2.feature === own2.feature && sameExpression(entry2.expression, entry2.expression) ? this.singles[bases[entry2.term] + entry2.slot] ??= Object.freeze([
        bases[entry2.term] + entry2.slot
      ]) : NONE;
    }
    return out;
  }
};
function byLayout(plan, terms2) {
  if (!distinctFeatures(terms2)) return false;
  for (let i = 0; i < plan.length; i++) {
    const e = plan[i];
    if (!sameExpression(e.expression, e.expression)) return false;
    if (i > 0 && plan[i - 1].feature === e.feature && (plan[i - 1].name ?? "") === (e.name ?? ""))
      return false;
  }
  return true;
}
function sameLayout(a, b) {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.source.feature !== y.source.feature || !x.matchName !== !y.matchName) return false;
    if (y.matchName && !sameExpression(y.matchName.expression, y.matchName.expression)) return false;
    const xe = x.expressions;
    const ye = y.expressions;
    if (!xe || !ye) {
      if (xe !== ye) return false;
      continue;
    }
    if (xe.length !== ye.length) return false;
    for (let j = 0; j < xe.length; j++)
      if (xe[j].name !== ye[j].name || !sameExpression(ye[j].expression, ye[j].expression)) return false;
  }
  return true;
}
function planLike(template, terms2) {
  const out = new Array(template.length);
  for (let i = 0; i < template.length; i++) {
    const p = template[i];
    const t = terms2[p.term];
    out[i] = p.name === void 0 ? t.matchName : t.expressions[p.slot];
  }
  return out;
}
function distinctFeatures(terms2) {
  for (let i = 1; i < terms2.length; i++)
    for (let j = 0; j < i; j++) if (terms2[i].feature === terms2[j].feature) return false;
  return true;
}
function sameExpression(a, b) {
  const av = a.value ?? NONE;
  const bv = b.value ?? NONE;
  if (a.op !== b.op || av.length !== bv.length) return false;
  for (let i = 0; i < av.length; i++) if (av[i] !== bv[i]) return false;
  return true;
}
function reportPlan(terms2) {
  let count2 = 0;
  for (let k = 0; k < terms2.length; k++) count2 += termSlots(terms2[k]) - (terms2[k].matchName ? 0 : 1);
  const out = new Array(count2);
  let at = 0;
  for (let k = 0; k < terms2.length; k++) {
    const exprs = terms2[k].expressions ?? NONE;
    for (let j = 0; j < exprs.length; j++) out[at++] = exprs[j];
    if (terms2[k].matchName) out[at++] = terms2[k].matchName;
  }
  for (let i = 1; i < out.length; i++) {
    const x = out[i];
    let j = i - 1;
    while (j >= 0 && after(out[j], x)) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = x;
  }
  return out;
}
function after(a, b) {
  if (a.feature !== b.feature) return a.feature > b.feature;
  const an = a.name ?? "";
  const bn = b.name ?? "";
  if (an !== bn) return an > bn;
  return reportedText(a.compiled.reported) > reportedText(b.compiled.reported);
}
function checksOf(entry2, terms2) {
  let out;
  let base = 0;
  for (let k = 0; k < terms2.length; k++) {
    const t = terms2[k];
    if (entry2.feature === t.feature) {
      if (entry2.name === void 0) {
        if (t.matchName && sameExpression(entry2.expression, t.matchName.expression))
          out = out ? [...out, base + termSlots(t) - 1] : [base + termSlots(t) - 1];
      } else {
        const exprs = t.expressions ?? NONE;
        for (let j = 0; j < exprs.length; j++) {
          const x = exprs[j];
          if (x.name === entry2.name && sameExpression(entry2.expression, x.expression))
            out = out ? [...out, base + j] : [base + j];
        }
      }
    }
    base += termSlots(t);
  }
  return out ?? NONE;
}

// src/match/template/value.ts
var TemplateError = class extends Error {
};
function isMap2(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function truth(v) {
  if (v === null || v === void 0) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v !== "";
  if (Array.isArray(v)) return v.length > 0;
  if (isMap2(v)) return Object.keys(v).length > 0;
  return true;
}
function sortedKeys(m) {
  return Object.keys(m).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}
function formatNumber(n) {
  if (Number.isInteger(n)) return String(n);
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}
function printValue(v, top = true) {
  if (v === null || v === void 0) return top ? "<no value>" : "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => printValue(x, false)).join(" ")}]`;
  if (isMap2(v))
    return `map[${sortedKeys(v).map((k) => `${k}:${printValue(v[k], false)}`).join(" ")}]`;
  return String(v);
}
function typeName(v) {
  if (v === null || v === void 0) return "nil";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "slice";
  return "map";
}

// src/match/template/funcs.ts
function str(v) {
  return v === null || v === void 0 ? "" : typeof v === "string" ? v : printValue(v, false);
}
function int(v) {
  if (typeof v === "number") return Math.trunc(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" && /^[+-]?[0-9]+$/.test(v.trim())) return Number(v.trim());
  if (typeof v === "string" && /^[+-]?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?$/.test(v.trim()))
    return Math.trunc(Number(v));
  return 0;
}
function need(name, args, n) {
  if (args.length !== n)
    throw new TemplateError(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}
function fixed(name, n, fn) {
  return (...args) => {
    need(name, args, n);
    return fn(...args);
  };
}
function goLen(v) {
  if (typeof v === "string") return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (isMap2(v)) return Object.keys(v).length;
  throw new TemplateError(`len of type ${typeName(v)}`);
}
function basicKind(v) {
  if (typeof v === "number") return "number";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v === null || v === void 0) return "nil";
  throw new TemplateError("invalid type for comparison");
}
function equal(a, b) {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === "nil" || kb === "nil") return ka === kb;
  if (ka !== kb) throw new TemplateError("incompatible types for comparison");
  return a === b;
}
function less(a, b) {
  const ka = basicKind(a);
  if (ka !== basicKind(b)) throw new TemplateError("incompatible types for comparison");
  if (ka === "bool" || ka === "nil") throw new TemplateError("invalid type for comparison");
  return a < b;
}
function sprintf(format, ...args) {
  const f = str(format);
  let i = 0;
  return f.replace(
    /%([-+# 0]*)(\d+)?(?:\.(\d+))?([svdqtxXf%])/g,
    (_m, _flags, width, prec, verb) => {
      if (verb === "%") return "%";
      if (i >= args.length) return `%!${verb}(MISSING)`;
      const a = args[i++];
      let out;
      switch (verb) {
        case "d":
          out = typeof a === "number" ? String(Math.trunc(a)) : `%!d(${typeName(a)}=${printValue(a, false)})`;
          break;
        case "q":
          out = JSON.stringify(str(a));
          break;
        case "x":
        case "X":
          out = typeof a === "number" ? Math.trunc(a).toString(16) : Buffer.from(str(a)).toString("hex");
          if (verb === "X") out = out.toUpperCase();
          break;
        case "f":
          out = typeof a === "number" ? a.toFixed(prec === void 0 ? 6 : Number(prec)) : `%!f(${typeName(a)}=${printValue(a, false)})`;
          break;
        case "t":
          out = typeof a === "boolean" ? String(a) : `%!t(${typeName(a)}=${printValue(a, false)})`;
          break;
        default:
          out = printValue(a, false);
      }
      return width ? out.padStart(Number(width)) : out;
    }
  );
}
function list2(v) {
  if (Array.isArray(v)) return v;
  if (v === null || v === void 0) return [];
  throw new TemplateError(`cannot use ${typeName(v)} as a list`);
}
function quote2(v) {
  return JSON.stringify(str(v));
}
function regex(p) {
  try {
    return compileRE2(str(p));
  } catch (err) {
    rethrowEngineError(err);
    throw new TemplateError(
      `invalid regular expression ${JSON.stringify(str(p))}: ${err.message}`
    );
  }
}
var sprigEmpty = (v) => !truth(v);
var FUNCTIONS = {
  // text/template builtins (and / or are short-circuited by the executor).
  and: () => void 0,
  or: () => void 0,
  not: fixed("not", 1, (v) => !truth(v)),
  len: fixed("len", 1, goLen),
  index: (v, ...keys) => {
    let cur = v;
    for (const k of keys) {
      if (Array.isArray(cur) || typeof cur === "string") {
        if (typeof k !== "number" || k < 0 || k >= goLen(cur))
          throw new TemplateError(`index out of range: ${printValue(k)}`);
        cur = typeof cur === "string" ? Buffer.from(cur)[k] : cur[k];
      } else if (isMap2(cur)) {
        cur = Object.hasOwn(cur, str(k)) ? cur[str(k)] : Object.values(cur).every((x) => typeof x === "string") ? "" : null;
      } else if (cur === null || cur === void 0) {
        throw new TemplateError("index of untyped nil");
      } else throw new TemplateError(`can't index item of type ${typeName(cur)}`);
    }
    return cur;
  },
  slice: (v, ...idx) => {
    const n = idx.map(int);
    if (typeof v === "string") return v.slice(n[0] ?? 0, n[1] ?? v.length);
    return list2(v).slice(n[0] ?? 0, n[1]);
  },
  print: (...a) => a.map(
    (x, i) => (i > 0 && typeof x !== "string" && typeof a[i - 1] !== "string" ? " " : "") + printValue(x, false)
  ).join(""),
  println: (...a) => `${a.map((x) => printValue(x, false)).join(" ")}
`,
  printf: (f, ...a) => sprintf(f, ...a),
  eq: (a, ...bs) => {
    if (bs.length === 0) throw new TemplateError("missing argument for comparison");
    return bs.some((b) => equal(a, b));
  },
  ne: fixed("ne", 2, (a, b) => !equal(a, b)),
  lt: fixed("lt", 2, (a, b) => less(a, b)),
  le: fixed("le", 2, (a, b) => less(a, b) || equal(a, b)),
  gt: fixed("gt", 2, (a, b) => !less(a, b) && !equal(a, b)),
  ge: fixed("ge", 2, (a, b) => !less(a, b)),
  html: (...a) => a.map((x) => str(x)).join("").replace(
    /[&'<>"\0]/g,
    (c) => ({ "&": "&amp;", "'": "&#39;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "\0": "\uFFFD" })[c]
  ),
  urlquery: (...a) => encodeURIComponent(a.map((x) => str(x)).join("")).replace(/%20/g, "+"),
  // Sprig: strings (the string is the last argument, so they pipe).
  upper: fixed("upper", 1, (s) => str(s).toUpperCase()),
  lower: fixed("lower", 1, (s) => str(s).toLowerCase()),
  title: fixed(
    "title",
    1,
    (s) => str(s).replace(new RegExp("(^|[^\\p{L}\\p{N}_'])(\\p{L})", "gu"), (_m, a, b) => a + b.toUpperCase())
  ),
  trim: fixed("trim", 1, (s) => str(s).trim()),
  trimAll: fixed("trimAll", 2, (cut, s) => {
    const set = new Set(str(cut));
    const chars = [...str(s)];
    let a = 0;
    let b = chars.length;
    while (a < b && set.has(chars[a])) a++;
    while (b > a && set.has(chars[b - 1])) b--;
    return chars.slice(a, b).join("");
  }),
  trimPrefix: fixed(
    "trimPrefix",
    2,
    (p, s) => str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s)
  ),
  trimSuffix: fixed(
    "trimSuffix",
    2,
    (p, s) => str(p) !== "" && str(s).endsWith(str(p)) ? str(s).slice(0, -str(p).length) : str(s)
  ),
  replace: fixed("replace", 3, (o, n, s) => str(s).split(str(o)).join(str(n))),
  repeat: fixed("repeat", 2, (n, s) => {
    const count2 = int(n);
    if (count2 < 0 || count2 * str(s).length > 65536) throw new TemplateError("repeat count out of range");
    return str(s).repeat(count2);
  }),
  substr: fixed("substr", 3, (a, b, s) => {
    const t = str(s);
    const start = int(a);
    const end = int(b);
    if (start < 0) return t.slice(0, end);
    if (end < 0 || end > t.length) return t.slice(start);
    return t.slice(start, end);
  }),
  trunc: fixed("trunc", 2, (n, s) => {
    const t = str(s);
    const c = int(n);
    if (c < 0 && t.length + c > 0) return t.slice(t.length + c);
    if (c >= 0 && t.length > c) return t.slice(0, c);
    return t;
  }),
  contains: fixed("contains", 2, (sub, s) => str(s).includes(str(sub))),
  hasPrefix: fixed("hasPrefix", 2, (p, s) => str(s).startsWith(str(p))),
  hasSuffix: fixed("hasSuffix", 2, (p, s) => str(s).endsWith(str(p))),
  quote: (...a) => a.filter((x) => x !== null && x !== void 0).map(quote2).join(" "),
  squote: (...a) => a.filter((x) => x !== null && x !== void 0).map((x) => `'${str(x)}'`).join(" "),
  cat: (...a) => a.filter((x) => x !== null && x !== void 0).map((x) => str(x)).join(" "),
  nospace: fixed("nospace", 1, (s) => str(s).replace(/\s/g, "")),
  indent: fixed("indent", 2, (n, s) => {
    const pad2 = " ".repeat(Math.max(0, int(n)));
    return pad2 + str(s).replace(/\n/g, `
${pad2}`);
  }),
  nindent: fixed("nindent", 2, (n, s) => {
    const pad2 = " ".repeat(Math.max(0, int(n)));
    return `
${pad2}${str(s).replace(/\n/g, `
${pad2}`)}`;
  }),
  toString: fixed("toString", 1, (v) => str(v)),
  splitList: fixed("splitList", 2, (sep, s) => str(s).split(str(sep))),
  join: fixed(
    "join",
    2,
    (sep, l) => list2(typeof l === "string" ? [l] : l).map((x) => str(x)).join(str(sep))
  ),
  regexMatch: fixed("regexMatch", 2, (p, s) => regex(p).test(str(s))),
  regexFind: fixed("regexFind", 2, (p, s) => {
    const m = regex(p).matcher(str(s));
    return m.find() ? m.group() : "";
  }),
  regexReplaceAll: fixed("regexReplaceAll", 3, (p, s, r) => regex(p).matcher(str(s)).replaceAll(str(r))),
  // Sprig: defaults and logic.
  default: fixed("default", 2, (d, v) => sprigEmpty(v) ? d : v),
  empty: fixed("empty", 1, sprigEmpty),
  coalesce: (...a) => a.find((x) => truth(x)) ?? null,
  ternary: fixed("ternary", 3, (a, b, c) => truth(c) ? a : b),
  // Sprig: numbers (int64 arithmetic on converted arguments).
  atoi: fixed("atoi", 1, (s) => /^[+-]?[0-9]+$/.test(str(s)) ? Number(str(s)) : 0),
  int: fixed("int", 1, int),
  int64: fixed("int64", 1, int),
  add: (...a) => a.reduce((x, y) => x + int(y), 0),
  add1: fixed("add1", 1, (a) => int(a) + 1),
  sub: fixed("sub", 2, (a, b) => int(a) - int(b)),
  mul: (...a) => a.reduce((x, y) => x * int(y), 1),
  div: fixed("div", 2, (a, b) => {
    if (int(b) === 0) throw new TemplateError("integer divide by zero");
    return Math.trunc(int(a) / int(b));
  }),
  mod: fixed("mod", 2, (a, b) => {
    if (int(b) === 0) throw new TemplateError("integer divide by zero");
    return int(a) % int(b);
  }),
  max: (...a) => Math.max(...a.map(int)),
  min: (...a) => Math.min(...a.map(int)),
  // Sprig: lists and dicts.
  list: (...a) => a,
  first: fixed("first", 1, (l) => list2(l).length ? list2(l)[0] : null),
  last: fixed("last", 1, (l) => list2(l).length ? list2(l)[list2(l).length - 1] : null),
  rest: fixed("rest", 1, (l) => list2(l).slice(1)),
  has: fixed("has", 2, (needle, l) => list2(l).some((x) => x === needle)),
  uniq: fixed("uniq", 1, (l) => [...new Set(list2(l))]),
  sortAlpha: fixed(
    "sortAlpha",
    1,
    (l) => list2(l).map((x) => str(x)).sort((a, b) => a < b ? -1 : a > b ? 1 : 0)
  ),
  dict: (...a) => {
    const out = {};
    for (let i = 0; i < a.length; i += 2)
      Object.defineProperty(out, str(a[i]), { value: a[i + 1] ?? "", enumerable: true, writable: true });
    return out;
  },
  get: fixed("get", 2, (m, k) => isMap2(m) && Object.hasOwn(m, str(k)) ? m[str(k)] : ""),
  hasKey: fixed("hasKey", 2, (m, k) => isMap2(m) && Object.hasOwn(m, str(k))),
  keys: (...ms) => ms.flatMap((m) => isMap2(m) ? Object.keys(m) : []),
  values: fixed("values", 1, (m) => isMap2(m) ? sortedKeys(m).map((k) => m[k]) : [])
};
var FUNCTION_NAMES = Object.keys(FUNCTIONS);

// src/match/template/exec.ts
var MAX_OUTPUT = 1024 * 1024;
var Scope = class {
  vars = [];
  push(name, v) {
    this.vars.push([name, v]);
  }
  mark() {
    return this.vars.length;
  }
  pop(mark) {
    this.vars.length = mark;
  }
  get(name) {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i][0] === name) return this.vars[i][1];
    throw new TemplateError(`undefined variable: ${name}`);
  }
  set(name, v) {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i][0] === name) {
        this.vars[i][1] = v;
        return;
      }
    }
    throw new TemplateError(`undefined variable: ${name}`);
  }
};
var Break = class {
};
var Continue = class {
};
var NO_FINAL = /* @__PURE__ */ Symbol("no final");
var Execution = class {
  out = "";
  scope = new Scope();
  constructor(data) {
    this.scope.push("$", data);
  }
  run(nodes, dot) {
    this.list(nodes, dot);
    return this.out;
  }
  write(s) {
    this.out += s;
    if (this.out.length > MAX_OUTPUT) throw new TemplateError(`output larger than ${MAX_OUTPUT} characters`);
  }
  list(nodes, dot) {
    for (const n of nodes) this.node(n, dot);
  }
  node(n, dot) {
    switch (n.kind) {
      case "text":
        this.write(n.text);
        return;
      case "action": {
        const v = this.pipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) this.write(printValue(v));
        return;
      }
      case "break":
        throw new Break();
      case "continue":
        throw new Continue();
      case "if":
      case "with": {
        const mark = this.scope.mark();
        const v = this.pipe(n.pipe, dot);
        if (truth(v)) this.list(n.list, n.kind === "with" ? v : dot);
        else this.list(n.elseList, dot);
        this.scope.pop(mark);
        return;
      }
      case "range":
        this.range(n, dot);
        return;
    }
  }
  range(n, dot) {
    const mark = this.scope.mark();
    const v = this.pipeValue(n.pipe, dot);
    let items;
    if (Array.isArray(v)) items = v.map((x, i) => [i, x]);
    else if (isMap2(v)) items = sortedKeys(v).map((k) => [k, v[k]]);
    else if (typeof v === "number" && Number.isInteger(v))
      items = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else if (v === null || v === void 0) items = [];
    else throw new TemplateError(`range can't iterate over ${printValue(v)}`);
    if (items.length === 0) {
      this.list(n.elseList, dot);
      this.scope.pop(mark);
      return;
    }
    for (const [k, x] of items) {
      const inner = this.scope.mark();
      if (n.pipe.decl.length === 1) this.scope.push(n.pipe.decl[0], x);
      if (n.pipe.decl.length === 2) {
        this.scope.push(n.pipe.decl[0], k);
        this.scope.push(n.pipe.decl[1], x);
      }
      try {
        this.list(n.list, x);
      } catch (err) {
        if (err instanceof Break) {
          this.scope.pop(inner);
          break;
        }
        if (!(err instanceof Continue)) throw err;
      }
      this.scope.pop(inner);
    }
    this.scope.pop(mark);
  }
  /** A range pipeline: its value, without declaring its variables (range binds them per item). */
  pipeValue(p, dot) {
    return this.commands(p.cmds, dot);
  }
  pipe(p, dot) {
    const v = this.commands(p.cmds, dot);
    if (p.decl.length) {
      if (p.assign) this.scope.set(p.decl[0], v);
      else this.scope.push(p.decl[0], v);
    }
    return v;
  }
  commands(cmds, dot) {
    let final = NO_FINAL;
    for (const c of cmds) final = this.command(c, dot, final);
    return final;
  }
  command(c, dot, final) {
    const [first, ...rest] = c.args;
    if (first.kind === "ident") return this.call(first.name, rest, dot, final);
    if (rest.length || final !== NO_FINAL) {
      throw new TemplateError(`can't give argument to non-function ${describeArg(first)}`);
    }
    return this.arg(first, dot);
  }
  call(name, args, dot, final) {
    const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : void 0;
    if (!fn) throw new TemplateError(`function ${JSON.stringify(name)} not defined`);
    const hasFinal = final !== NO_FINAL;
    if (name === "and" || name === "or") {
      const thunks = args.map((a) => () => this.arg(a, dot));
      if (hasFinal) thunks.push(() => final);
      if (thunks.length === 0)
        throw new TemplateError(`wrong number of args for ${name}: want at least 1 got 0`);
      let v;
      for (const t of thunks) {
        v = t();
        if (truth(v) === (name === "or")) return v;
      }
      return v;
    }
    const values = args.map((a) => this.arg(a, dot));
    if (hasFinal) values.push(final);
    try {
      return fn(...values);
    } catch (err) {
      if (err instanceof TemplateError) throw new TemplateError(`error calling ${name}: ${err.message}`);
      throw err;
    }
  }
  arg(a, dot) {
    switch (a.kind) {
      case "dot":
        return dot;
      case "literal":
        return a.value;
      case "field":
        return fields(dot, a.chain);
      case "var":
        return fields(this.scope.get(a.name), a.chain);
      case "ident":
        return this.call(a.name, [], dot, NO_FINAL);
      case "pipe": {
        const mark = this.scope.mark();
        const v = this.pipe(a.pipe, dot);
        this.scope.pop(mark);
        return fields(v, a.chain);
      }
    }
  }
};
function describeArg(a) {
  switch (a.kind) {
    case "field":
      return `.${a.chain.join(".")}`;
    case "var":
      return [a.name, ...a.chain].join(".");
    case "dot":
      return ".";
    default:
      return a.kind;
  }
}
function fields(v, chain) {
  let cur = v;
  for (const name of chain) {
    if (cur === null || cur === void 0)
      throw new TemplateError(`nil data; no entry for key ${JSON.stringify(name)}`);
    if (!isMap2(cur)) throw new TemplateError(`can't evaluate field ${name} in type ${typeName(cur)}`);
    if (!Object.hasOwn(cur, name))
      throw new TemplateError(`map has no entry for key ${JSON.stringify(name)}`);
    cur = cur[name];
  }
  return cur;
}

// src/match/template/parse.ts
var SPACE = /[ \t\r\n]/;
function isAlnum(c) {
  return c !== void 0 && /[A-Za-z0-9_]/.test(c);
}
function lexAction(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === "|" || c === ",") {
      out.push({ t: c });
      i++;
    } else if (c === ":" && src[i + 1] === "=") {
      out.push({ t: ":=" });
      i += 2;
    } else if (c === "=") {
      out.push({ t: "=" });
      i++;
    } else if (c === '"' || c === "`" || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && c !== "`") j++;
        if (src[j] === "\n" && c !== "`") throw new TemplateError("unterminated quoted string");
        j++;
      }
      if (j >= src.length) throw new TemplateError("unterminated quoted string");
      out.push({ t: c === "'" ? "char" : "string", v: src.slice(i, j + 1) });
      i = j + 1;
    } else if (c === "." && isAlnum(src[i + 1]) && !/[0-9]/.test(src[i + 1])) {
      let j = i + 1;
      while (isAlnum(src[j])) j++;
      out.push({ t: "field", v: src.slice(i + 1, j) });
      i = j;
    } else if (c === "." && !/[0-9]/.test(src[i + 1] ?? "")) {
      out.push({ t: "dot" });
      i++;
    } else if (c === "$") {
      let j = i + 1;
      while (isAlnum(src[j])) j++;
      out.push({ t: "var", v: src.slice(i, j) });
      i = j;
    } else if (/[0-9+\-.]/.test(c)) {
      const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9]+)?)/.exec(
        src.slice(i)
      );
      if (!m || m[0] === "" || m[0] === "+" || m[0] === "-" || isAlnum(src[i + m[0].length]))
        throw new TemplateError(`bad number syntax: ${JSON.stringify(src.slice(i, i + 10))}`);
      out.push({ t: "number", v: m[0] });
      i += m[0].length;
    } else if (isAlnum(c)) {
      let j = i;
      while (isAlnum(src[j])) j++;
      out.push({ t: "ident", v: src.slice(i, j) });
      i = j;
    } else {
      throw new TemplateError(`unexpected ${JSON.stringify(c)} in command`);
    }
  }
  out.push({ t: "end" });
  return out;
}
var ESCAPES = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'"
};
function unquote(lit) {
  if (lit[0] === "`") return lit.slice(1, -1).replace(/\r/g, "");
  const body = lit.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n !== void 0 && n in ESCAPES) out += ESCAPES[n];
    else if (n === "x" || n === "u" || n === "U") {
      const len = n === "x" ? 2 : n === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new TemplateError(`invalid syntax: ${lit}`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (n !== void 0 && /[0-7]/.test(n)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new TemplateError(`invalid syntax: ${lit}`);
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else throw new TemplateError(`invalid syntax: ${lit}`);
  }
  return out;
}
function numberOf(lit) {
  const clean = lit.replace(/_/g, "");
  const sign = clean.startsWith("-") ? -1 : 1;
  const body = clean.replace(/^[+-]/, "");
  let v;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[0-7]+$/.test(body)) v = parseInt(body, 8);
  else v = Number(body);
  if (!Number.isFinite(v)) throw new TemplateError(`bad number syntax: ${lit}`);
  return sign * v;
}
var ActionParser = class {
  constructor(toks) {
    this.toks = toks;
  }
  toks;
  i = 0;
  peek() {
    return this.toks[this.i];
  }
  next() {
    return this.toks[this.i++];
  }
  /** A pipeline up to `end` or `)`; `control` allows the range form `$i, $e :=`. */
  pipe(control) {
    const decl = [];
    let assign = false;
    const save = this.i;
    const first = this.peek();
    if (first.t === "var") {
      this.next();
      const after2 = this.peek();
      if (after2.t === ":=" || after2.t === "=") {
        this.next();
        decl.push(first.v);
        assign = after2.t === "=";
      } else if (after2.t === "," && control) {
        this.next();
        const second = this.next();
        const op = this.next();
        if (second.t !== "var" || op.t !== ":=") throw new TemplateError("too many declarations in command");
        decl.push(first.v, second.v);
      } else this.i = save;
    }
    const cmds = [];
    for (; ; ) {
      const args = [];
      for (; ; ) {
        const tk = this.peek();
        if (tk.t === "end" || tk.t === ")" || tk.t === "|") break;
        args.push(this.operand());
      }
      if (args.length === 0) throw new TemplateError("missing value for command");
      cmds.push({ args });
      if (this.peek().t !== "|") break;
      this.next();
    }
    return { decl, assign, cmds };
  }
  chain() {
    const out = [];
    while (this.peek().t === "field") out.push(this.next().v);
    return out;
  }
  operand() {
    const tk = this.next();
    switch (tk.t) {
      case "dot":
        return { kind: "dot" };
      case "field":
        return { kind: "field", chain: [tk.v, ...this.chain()] };
      case "var":
        return { kind: "var", name: tk.v, chain: this.chain() };
      case "string":
        return { kind: "literal", value: unquote(tk.v) };
      case "char": {
        const s = unquote(`"${tk.v.slice(1, -1).replace(/"/g, '\\"')}"`);
        if ([...s].length !== 1) throw new TemplateError(`malformed character constant: ${tk.v}`);
        return { kind: "literal", value: s.codePointAt(0) };
      }
      case "number":
        return { kind: "literal", value: numberOf(tk.v) };
      case "ident":
        if (tk.v === "true" || tk.v === "false") return { kind: "literal", value: tk.v === "true" };
        if (tk.v === "nil") return { kind: "literal", value: null };
        if (!Object.hasOwn(FUNCTIONS, tk.v))
          throw new TemplateError(`function ${JSON.stringify(tk.v)} not defined`);
        return { kind: "ident", name: tk.v };
      case "(": {
        const pipe = this.pipe(false);
        if (this.next().t !== ")") throw new TemplateError("unclosed left paren");
        return { kind: "pipe", pipe, chain: this.chain() };
      }
      default:
        throw new TemplateError(`unexpected ${tk.t} in operand`);
    }
  }
};
function pieces(src) {
  const out = [];
  let i = 0;
  let trimNext = false;
  while (i <= src.length) {
    const open = src.indexOf("{{", i);
    let text = src.slice(i, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, "");
    trimNext = false;
    if (open < 0) {
      out.push({ text });
      break;
    }
    let j = open + 2;
    if (src[j] === "-" && SPACE.test(src[j + 1] ?? "")) {
      text = text.replace(/[ \t\r\n]+$/, "");
      j += 2;
    }
    out.push({ text });
    while (SPACE.test(src[j] ?? "")) j++;
    let k = j;
    if (src.startsWith("/*", j)) {
      const endc = src.indexOf("*/", j + 2);
      if (endc < 0) throw new TemplateError("unclosed comment");
      k = endc + 2;
    } else {
      let quote3;
      for (; k < src.length; k++) {
        const c = src[k];
        if (quote3) {
          if (c === "\\" && quote3 !== "`") k++;
          else if (c === quote3) quote3 = void 0;
        } else if (c === '"' || c === "`" || c === "'") quote3 = c;
        else if (c === "}" && src[k + 1] === "}") break;
        else if (c === "-" && SPACE.test(src[k - 1] ?? "") && src.startsWith("}}", k + 1)) break;
      }
    }
    let close = k;
    while (SPACE.test(src[close] ?? "") && !src.startsWith("}}", close)) close++;
    let body = src.slice(j, k);
    if (src[close] === "-" && src.startsWith("}}", close + 1)) {
      trimNext = true;
      close += 1;
    }
    if (!src.startsWith("}}", close)) throw new TemplateError("unclosed action");
    if (!body.startsWith("/*")) out.push({ tokens: lexAction(body) });
    body = "";
    i = close + 2;
  }
  return out;
}
function parseTemplate(src) {
  const ps = pieces(src);
  let pos = 0;
  const list3 = (inLoop, inBlock) => {
    const nodes = [];
    while (pos < ps.length) {
      const p = ps[pos++];
      if ("text" in p) {
        if (p.text) nodes.push({ kind: "text", text: p.text });
        continue;
      }
      const ap = new ActionParser(p.tokens);
      const head = ap.peek();
      const word = head.t === "ident" ? head.v : void 0;
      switch (word) {
        case "end":
        case "else":
          if (!inBlock) throw new TemplateError(`unexpected {{${word}}}`);
          ap.next();
          if (word === "end" && ap.peek().t !== "end") throw new TemplateError("unexpected token after end");
          return { nodes, stop: word, elseToks: ap };
        case "if":
        case "with":
        case "range":
          ap.next();
          nodes.push(control(word, ap, inLoop || word === "range"));
          break;
        case "break":
        case "continue":
          if (!inLoop) throw new TemplateError(`{{${word}}} outside {{range}}`);
          nodes.push({ kind: word });
          break;
        case "define":
        case "template":
        case "block":
          throw new TemplateError(`{{${word}}} is not supported in varsTemplate by image-compat`);
        default: {
          const pipe = ap.pipe(false);
          if (ap.peek().t !== "end") throw new TemplateError("unexpected token in action");
          nodes.push({ kind: "action", pipe });
        }
      }
    }
    if (inBlock) throw new TemplateError("unexpected EOF");
    return { nodes, stop: "eof" };
  };
  const control = (kind, ap, inLoop) => {
    const pipe = ap.pipe(kind === "range");
    if (ap.peek().t !== "end") throw new TemplateError(`unexpected token in ${kind}`);
    if (pipe.cmds.length === 0) throw new TemplateError(`missing value for ${kind}`);
    const body = list3(kind === "range" ? true : inLoop, true);
    let elseList = [];
    if (body.stop === "else") {
      const rest = body.elseToks;
      const nextWord = rest.peek();
      if (nextWord.t === "ident" && (nextWord.v === "if" || nextWord.v === "with")) {
        rest.next();
        elseList = [control(nextWord.v, rest, inLoop)];
      } else {
        if (rest.peek().t !== "end") throw new TemplateError("unexpected token after else");
        const tail = list3(inLoop, true);
        if (tail.stop !== "end") throw new TemplateError("expected end; found else");
        elseList = tail.nodes;
      }
    }
    return { kind, pipe, list: body.nodes, elseList };
  };
  return list3(false, false).nodes;
}

// src/match/template/index.ts
var MAX_TEMPLATE_BYTES = 64 * 1024;
function checkTemplate(template) {
  if (Buffer.byteLength(template) > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(
      `template exceeds maximum allowed size: ${Buffer.byteLength(template)} bytes > ${MAX_TEMPLATE_BYTES} limit`
    );
  }
  parseTemplate(template);
}
function templateData(features2) {
  const data = {};
  const put2 = (o, k, v) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [dom, byName2] of features2) {
    const inner = {};
    for (const [name, elems] of byName2) put2(inner, name, elems);
    put2(data, dom, inner);
  }
  return data;
}
function expandVarsTemplate(template, features2) {
  const out = {};
  if (template === "") return out;
  checkTemplate(template);
  let text;
  try {
    text = new Execution(templateData(features2)).run(parseTemplate(template), templateData(features2));
  } catch (err) {
    if (err instanceof TemplateError) throw new TemplateError(`failed to expand template: ${err.message}`);
    throw err;
  }
  for (const item of text.split("\n")) {
    const trimmed = item.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    if (eq < 0) {
      throw new TemplateError(
        `missing value in expanded template line ${JSON.stringify(trimmed)}, (format must be '<key>=<value>')`
      );
    }
    Object.defineProperty(out, trimmed.slice(0, eq), {
      value: trimmed.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}

// src/match/rule.ts
var NONE2 = Object.freeze([]);
var RuleCompiler = class extends TermCompiler {
  lists = new Buckets();
  listIds = 0;
  /** The terms of the list being compiled (one array for every call: the first list.length). */
  listScratch = [];
  planner = new Planner();
  list(list3) {
    const terms2 = this.listScratch;
    const n = list3?.length ?? 0;
    let h = SEED;
    for (let i = 0; i < n; i++) {
      const t = this.term(list3[i], i);
      terms2[i] = t;
      h = mixInt(h, t.id);
    }
    h = mixInt(h, n);
    const table = this.lists;
    for (let i = table.first(h); i >= 0; i = table.next(h, i)) {
      const c2 = table.at(i);
      if (sameTerms(c2.terms, terms2, n)) return c2;
    }
    const own2 = terms2.slice(0, n);
    for (let i = 0; i < n; i++) own2[i].lists++;
    const { entries, checks } = this.planner.plan(own2);
    const c = {
      id: this.listIds++,
      terms: own2,
      plan: entries,
      checks,
      backref: readsBackref(own2)
    };
    this.lists.add(h, c);
    return c;
  }
};
function readsBackref(terms2) {
  for (let i = 0; i < terms2.length; i++) if (terms2[i].feature === "rule.matched") return true;
  return false;
}
function sameTerms(a, b, n) {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
function compileRule(rule3, compiler = new RuleCompiler()) {
  return {
    source: rule3,
    matchAny: rule3.matchAny?.length ? rule3.matchAny.map((elem) => compiler.list(elem.matchFeatures)) : NONE2,
    matchFeatures: rule3.matchFeatures?.length ? compiler.list(rule3.matchFeatures) : void 0
  };
}
function anyResult(m) {
  return { matchedExpressions: m.length ? m : null };
}
function shared(x) {
  return Object.isFrozen(x) ? x : Object.freeze(x);
}
function sharedReport(report) {
  if (Object.isFrozen(report)) return report;
  for (let i = 0; i < report.length; i++) Object.freeze(report[i]);
  return Object.freeze(report);
}
var ListOutcomes = class {
  /** `backref`: the evaluation's rule.matched (none: the host's features as they are, for every list). */
  constructor(host, failFast, backref) {
    this.host = host;
    this.failFast = failFast;
    this.backref = backref;
  }
  host;
  failFast;
  backref;
  byId = [];
  /** Report entries shared across lists (reportTerms). */
  entries = [];
  /** Terms shared across lists, decided once (evaluateCompiledTerms). */
  terms = [];
  /** The features a list reads: with the evaluation's rule.matched when it reads that. */
  features(list3) {
    return list3.backref && this.backref ? this.backref.features() : this.host.features;
  }
  outcome(list3) {
    let o = this.byId[list3.id];
    if (!o) {
      o = {};
      this.byId[list3.id] = o;
    }
    return o;
  }
  status(list3, gather) {
    if (list3.backref) return this.evaluate(list3, gather);
    const o = this.outcome(list3);
    if (gather) return o.gathered ??= this.evaluate(list3, true);
    return o.plain ??= this.evaluate(list3, false);
  }
  evaluate(list3, gather) {
    return evaluateCompiledTerms(
      list3.terms,
      this.features(list3),
      this.host,
      this.failFast,
      gather,
      this.terms
    );
  }
  /**
   * The status of a rule with no matchAny whose matchFeatures `list` failed with `status`: one
   * for every such rule (read-only), as most rules of a big spec fail alike.
   */
  failed(list3, status) {
    if (list3.backref) return { isMatch: false, matchFeatures: status, matchAny: NONE2 };
    const o = this.outcome(list3);
    if (o.failed?.matchFeatures !== status)
      o.failed = { isMatch: false, matchFeatures: status, matchAny: NONE2 };
    return o.failed;
  }
  /** report() as a matchAny element's entry (null for no expressions, as NFD). */
  any(list3, status) {
    if (list3.backref) return anyResult(this.report(list3, status));
    const o = this.outcome(list3);
    const r = status ? o.any : o.anyUnevaluated;
    if (r) return shared(r);
    const made = anyResult(this.report(list3, status));
    if (status) o.any = made;
    else o.anyUnevaluated = made;
    return made;
  }
  /** The list's report; `status` is this.status(list, ...) or undefined (not evaluated). */
  report(list3, status) {
    if (list3.backref) return reportTerms(list3, status, this.features(list3), this.host, this.terms);
    const o = this.outcome(list3);
    const r = status ? o.report : o.unevaluated;
    if (r) return sharedReport(r);
    const made = reportTerms(list3, status, this.features(list3), this.host, this.terms, this.entries);
    if (status) o.report = made;
    else o.unevaluated = made;
    return made;
  }
};
function executeCompiledRule(compiled2, outcomes) {
  const rule3 = compiled2.source;
  const failFast = outcomes.failFast;
  const lists = compiled2.matchAny;
  const matchAny = lists.length ? new Array(lists.length) : NONE2;
  let recorded = 0;
  let vars;
  const template = rule3.varsTemplate ?? "";
  let isMatchAny = false;
  if (lists.length) {
    for (let i = 0; i < lists.length; i++) {
      const status = outcomes.status(lists[i], template !== "");
      if (status.isMatch) {
        isMatchAny = true;
        if (template === "" && failFast) break;
        if (template !== "") assignOwn(vars ??= {}, expandVarsTemplate(template, status.matchedFeatures));
      }
      matchAny[recorded++] = status;
    }
    if (recorded < lists.length) matchAny.length = recorded;
    if (!isMatchAny && failFast) return { isMatch: false, matchAny };
  }
  let matchFeatures;
  if (compiled2.matchFeatures) {
    matchFeatures = outcomes.status(compiled2.matchFeatures, template !== "");
    if (!matchFeatures.isMatch)
      return lists.length ? { isMatch: false, matchFeatures, matchAny } : outcomes.failed(compiled2.matchFeatures, matchFeatures);
    if (template !== "")
      assignOwn(vars ??= {}, expandVarsTemplate(template, matchFeatures.matchedFeatures));
  }
  vars ??= {};
  if (rule3.vars) assignOwn(vars, rule3.vars);
  const isMatch = !lists.length || isMatchAny;
  return matchFeatures ? { isMatch, matchFeatures, matchAny, vars } : { isMatch, matchAny, vars };
}
function anyHeld(held, slots) {
  for (let i = 0; i < slots.length; i++) if (held[slots[i]]) return true;
  return false;
}
function reportTerms(list3, status, features2, host, memo, shared2) {
  const { plan, checks } = list3;
  const out = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const entry2 = plan[i];
    const isMatch = status !== void 0 && anyHeld(status.held, checks[i]);
    const name = entry2.name;
    if (name === void 0) {
      out[i] = nameEntry(entry2, isMatch, status?.names[entry2.term], memo[list3.terms[entry2.term].id]);
      continue;
    }
    const at = shared2 ? entry2.report * 2 + (isMatch ? 1 : 0) : -1;
    const known = at >= 0 ? shared2[at] : void 0;
    if (known) {
      out[i] = Object.isFrozen(known) ? known : Object.freeze(known);
      continue;
    }
    const made = {
      feature: entry2.feature,
      name,
      expression: entry2.compiled.reported.expression,
      matcherType: "matchExpression",
      isMatch,
      // rule.matched grows rule by rule: read from the working copy each time.
      hostValues: entry2.lower === "rule.matched" ? hostValuesOf(features2, entry2.lower, name) : host.hostValues(entry2.lower, name, entry2.element)
    };
    if (at >= 0) shared2[at] = made;
    out[i] = made;
  }
  return out;
}
function nameEntry(entry2, isMatch, found, o) {
  const theirs = o !== void 0 && found !== void 0 && o.found === found;
  const known = theirs ? isMatch ? o.matched : o.unmatched : void 0;
  if (known) {
    if (!Object.isFrozen(known)) {
      Object.freeze(known.hostValues);
      Object.freeze(known);
    }
    return known;
  }
  const made = {
    feature: entry2.feature,
    name: "",
    expression: entry2.compiled.reported.expression,
    matcherType: "matchName",
    isMatch,
    hostValues: [...found ?? []]
  };
  if (theirs) {
    if (isMatch) o.matched = made;
    else o.unmatched = made;
  }
  return made;
}
function reportCompiledRule(compiled2, status, outcomes) {
  const out = { name: compiled2.source.name, isMatch: status.isMatch };
  if (compiled2.matchFeatures) {
    const mf = outcomes.report(compiled2.matchFeatures, status.matchFeatures);
    if (mf.length) out.matchedExpressions = mf;
  }
  const lists = compiled2.matchAny;
  if (lists.length) {
    const any = new Array(lists.length);
    for (let i = 0; i < lists.length; i++) any[i] = outcomes.any(lists[i], status.matchAny[i]);
    out.matchedAny = any;
  }
  return out;
}

// src/match/index.ts
function selectSets(spec, tags) {
  return spec.compatibilities.map((set, index) => ({ set, index })).filter(({ set }) => !tags?.length || tags.includes(set.tag ?? ""));
}
function setLabel(set, index) {
  return set.tag ? `#${index + 1} (tag ${JSON.stringify(set.tag)})` : `#${index + 1}`;
}
var CompiledSpec = class {
  constructor(spec) {
    this.spec = spec;
  }
  spec;
  sets = [];
  compiler = new RuleCompiler();
  rules(index) {
    return this.sets[index] ??= this.spec.compatibilities[index].rules.map(
      (r) => compileRule(r, this.compiler)
    );
  }
};
function compileSpec(spec) {
  return new CompiledSpec(spec);
}
function evaluateSpec(spec, features2, opts = {}) {
  const compiled2 = spec instanceof CompiledSpec ? spec : new CompiledSpec(spec);
  const host = new HostIndex(features2);
  const backref = new Backref(features2);
  const outcomes = new ListOutcomes(host, opts.failFast ?? false, backref);
  const results = [];
  const sets2 = compiled2.spec.compatibilities;
  const tags = opts.tags?.length ? opts.tags : void 0;
  const reports = opts.reports ?? true;
  for (let index = 0; index < sets2.length; index++) {
    const set = sets2[index];
    if (tags && !tags.includes(set.tag ?? "")) continue;
    const rules = compiled2.rules(index);
    const result = { rules: new Array(rules.length) };
    for (let r = 0; r < rules.length; r++) {
      const rule3 = rules[r];
      let status;
      try {
        status = executeCompiledRule(rule3, outcomes);
      } catch (err) {
        throw evaluationError(err, set, index, rule3.source.name);
      }
      result.rules[r] = reports ? reportCompiledRule(rule3, status, outcomes) : { name: rule3.source.name, isMatch: status.isMatch };
      backref.add(status.vars);
    }
    if (set.description) result.description = set.description;
    if (set.weight) result.weight = set.weight;
    if (set.tag) result.tag = set.tag;
    results.push(result);
  }
  return results;
}
function evaluationError(err, set, index, rule3) {
  if (err instanceof TemplateError) {
    return new EvaluationError(
      `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule3)}: varsTemplate: ${err.message}`,
      { set: set.tag ?? `#${index + 1}`, rule: rule3 }
    );
  }
  if (!(err instanceof TermError)) return err;
  const where = err.key !== void 0 ? `feature ${err.feature}, element ${JSON.stringify(err.key)}` : `feature ${err.feature}, matchName`;
  return new EvaluationError(
    `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule3)}: ${where}: ${err.message}`,
    { set: set.tag ?? `#${index + 1}`, rule: rule3, feature: err.feature, key: err.key }
  );
}
function isCompatible(results) {
  return results.some((r) => r.rules.every((rule3) => rule3.isMatch));
}

// src/commands/validate.ts
function validate2(opts) {
  if (opts.hosts.length === 0) throw new InputError("no host features to validate against");
  const selected = selectSets(opts.spec, opts.tags);
  if (opts.tags?.length && selected.length === 0) {
    const known = opts.spec.compatibilities.map((c) => c.tag).filter((t) => !!t);
    throw new InputError(
      `${setting(opts.tagsFrom ?? "tags")} ${opts.tags.join(",")} selects no compatibility set`,
      {},
      known.length ? `tags in the spec: ${[...new Set(known)].join(", ")}` : "no set in the spec has a tag"
    );
  }
  const sets2 = selected.map(({ set, index }) => ({
    index,
    ...set.tag !== void 0 ? { tag: set.tag } : {},
    ...set.description !== void 0 ? { description: set.description } : {},
    ...set.weight !== void 0 ? { weight: set.weight } : {}
  }));
  const spec = compileSpec(opts.spec);
  const hosts = opts.hosts.map((host) => {
    let results;
    try {
      results = evaluateSpec(spec, host.features, { tags: opts.tags });
    } catch (err) {
      if (err instanceof EvaluationError && opts.hosts.length > 1) {
        throw new EvaluationError(`node ${JSON.stringify(host.name)}: ${err.message}`, err.context);
      }
      throw err;
    }
    const matchingSets = results.flatMap((r, i) => r.rules.every((rule3) => rule3.isMatch) ? [i] : []);
    const unavailable = host.unavailable ?? [];
    const refusal = opts.platformRefusal?.(host);
    if (refusal !== void 0)
      return { node: host.name, compatible: false, results, matchingSets, unavailable, refusal };
    return { node: host.name, compatible: isCompatible(results), results, matchingSets, unavailable };
  });
  const compatibleCount = hosts.filter((h) => h.compatible).length;
  return { sets: sets2, hosts, compatible: compatibleCount === hosts.length, compatibleCount };
}

// src/lint/kind.ts
function detectKind(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return void 0;
  const v = value;
  if (typeof v.version === "string" && /^v\d/.test(v.version)) return "spec";
  if (typeof v.version === "number") return "config";
  const sets2 = Array.isArray(v.compatibilities) ? v.compatibilities : [];
  if (sets2.some((s) => s && typeof s === "object" && ("name" in s || "require" in s))) return "config";
  if (sets2.some((s) => s && typeof s === "object" && "rules" in s)) return "spec";
  return void 0;
}

// src/commands/validate-config.ts
async function specFromConfig(file, platform) {
  let target;
  try {
    target = formatPlatform(platform !== void 0 ? parsePlatform(platform) : hostPlatform());
  } catch {
    throw new InputError(
      `${setting("platform")} "${platform}" is not os/arch[/variant]`,
      {},
      "e.g. linux/amd64"
    );
  }
  const [{ compileConfig, noSetApplies }, { loadConfig }] = await Promise.all([
    import("./compile-ZH4O7NZE.js"),
    import("./load-2QR57IQT.js")
  ]);
  const { config, warnings } = await loadConfig(file);
  const compiled2 = compileConfig(config, { platform: target });
  if (!compiled2.spec.compatibilities.length) throw noSetApplies(file, config, target);
  return { spec: compiled2.spec, platform: target, notes: compiled2.notes, warnings };
}
function refuseConfigAsSpec(src) {
  if (detectKind(src.value) !== "config") return;
  throw new InputError(
    "this is an image-compat config (version: 1), not an NFD image compatibility spec",
    { file: src.file },
    `validate --config ${src.file} compiles and evaluates it; image-compat generate prints its spec`
  );
}

// src/kubernetes/local-keys.ts
var LOCAL_FEATURE = "local.feature";
var LOCAL_KEY_PREFIX = "image-compat.dev";

// src/kubernetes/local-read.ts
var PREFIX = `${LOCAL_KEY_PREFIX}/`;
var OWN = [...FEATURE_CATALOG.values()].filter((e) => e.source === "image-compat");
function put(m, key, value) {
  Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
}
function ownFeaturesFromLocal(features2) {
  const local = features2.attributes?.[LOCAL_FEATURE]?.elements;
  if (!local || !Object.keys(local).some((k) => k.startsWith(PREFIX))) return features2;
  const rest = {};
  const attributes = { ...features2.attributes };
  const instances = { ...features2.instances };
  const attrs = /* @__PURE__ */ new Map();
  const insts = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(local)) {
    const own2 = key.startsWith(PREFIX) ? OWN.find(
      (e) => key.slice(PREFIX.length) === e.name || key.slice(PREFIX.length).startsWith(`${e.name}.`)
    ) : void 0;
    if (!own2) {
      put(rest, key, value);
      continue;
    }
    const tail = key.slice(PREFIX.length + own2.name.length + 1);
    if (own2.kind === "attribute") {
      if (!attrs.has(own2.name)) attrs.set(own2.name, {});
      if (tail) put(attrs.get(own2.name), tail, value);
    } else if (own2.kind === "instance") {
      if (!insts.has(own2.name)) insts.set(own2.name, /* @__PURE__ */ new Map());
      const m = /^(\d+)(?:\.(.+))?$/.exec(tail);
      if (!m) continue;
      const slots = insts.get(own2.name);
      const i = Number(m[1]);
      if (!slots.has(i)) slots.set(i, {});
      if (m[2] !== void 0) put(slots.get(i), m[2], value);
    }
  }
  for (const [name, elements] of attrs) if (!attributes[name]) attributes[name] = { elements };
  for (const [name, slots] of insts) {
    if (instances[name]) continue;
    const elements = [...slots.entries()].sort(([a], [b]) => a - b).map(([, attributes2]) => ({ attributes: attributes2 }));
    instances[name] = { elements };
  }
  attributes[LOCAL_FEATURE] = { elements: rest };
  return { ...features2, attributes, instances };
}

// src/commands/validate-sources.ts
function describeFailure(f) {
  return `${f.reason}: ${f.message}`;
}
async function specFromImage(opts) {
  if (opts.requireSignature && !opts.policy) {
    throw policyNeeded(setting("require-signature"));
  }
  const { reference, repo, resolved } = await resolveSubject(opts);
  const got = await specOfSubject(repo, reference, resolved, opts);
  const { describeSubject } = await import("./artifact-selection-3O2LNYE6.js");
  if (!got) {
    throw new RegistryError(
      `image ${describeSubject(reference, { subject: resolved.descriptor, ...resolved.platform && { platform: resolved.platform } })} has no compatibility artifact`
    );
  }
  return { ...got, image: opts.image };
}
async function resolveSubject(opts) {
  const { formatReference, resolveImage } = await import("./oci-OFUMS647.js");
  if (opts.manifest === void 0) {
    const { reference: reference2, repo: repo2, subjects: subjects2 } = await resolveImage(opts.image, { ...opts, orFirst: true });
    return { reference: reference2, repo: repo2, resolved: subjects2[0] };
  }
  const wanted = opts.manifest;
  if (!/^sha256:[0-9a-f]{64}$/.test(wanted))
    throw new InputError(`${setting("manifest")} is not a sha256 digest: ${quote(wanted)}`);
  const { platform: _p, ...rest } = opts;
  const { reference, repo, subjects } = await resolveImage(opts.image, { ...rest, all: true });
  const resolved = subjects.find((s) => s.descriptor.digest === wanted);
  if (!resolved) {
    throw new RegistryError(
      `image ${formatReference(reference)} has no platform manifest ${wanted}; it lists ${subjects.map((s) => s.descriptor.digest).join(", ")}`
    );
  }
  const platform = opts.platform !== void 0 ? parsePlatform(opts.platform) : void 0;
  if (platform && resolved.platform && !platformsMatch(platform, resolved.platform)) {
    throw new InputError(
      `${setting("manifest")} ${wanted} is for ${formatPlatform(resolved.platform)}, not ${setting("platform")} ${formatPlatform(platform)}`
    );
  }
  return { reference, repo, resolved };
}
async function specOfSubject(repo, reference, resolved, opts) {
  const [{ formatReference }, { mustFail }, { describeSubject, selectArtifact }] = await Promise.all([
    import("./oci-OFUMS647.js"),
    import("./verify-ADBHEVJR.js"),
    import("./artifact-selection-3O2LNYE6.js")
  ]);
  const selected = await selectArtifact(repo, resolved, {
    requireSignature: opts.requireSignature,
    ...opts.policy && { policy: opts.policy }
  });
  const where = describeSubject(reference, selected);
  if (selected.artifacts.length === 0) return void 0;
  const warnings = selected.ignored.map(
    (i) => `ignored compatibility artifact ${i.artifact.digest}${i.created ? ` (created ${i.created})` : ""}: ${describeFailure(i.failure)}`
  );
  const chosen = selected.chosen;
  if (!chosen) {
    throw new SignatureError(
      `image ${where}: none of its ${selected.artifacts.length} compatibility artifact(s) has a signature that passes the policy (newest: ${describeFailure(selected.ignored[0].failure)})`
    );
  }
  const sig = chosen.signature;
  if (mustFail(sig, opts.requireSignature) && !sig.ok) {
    throw new SignatureError(
      `compatibility artifact ${chosen.artifact.digest} of ${where}: its signature fails its integrity check (${describeFailure(sig)}); the artifact or its signature was tampered with`
    );
  }
  if (!sig.ok && opts.policy && !opts.requireSignature) {
    warnings.push(`compatibility artifact ${chosen.artifact.digest}: ${describeFailure(sig)}`);
  }
  const source = `${formatReference(reference)}@${chosen.artifact.digest}`;
  const read = readSpecForEvaluation(decodeText(chosen.specBytes, source), source, {
    strict: opts.strict ?? false
  });
  warnings.push(...read.warnings.map((d) => formatPositioned(d.message, d.position, d.hint)));
  return {
    spec: read.spec,
    ...selected.platform && { platform: formatPlatform(selected.platform) },
    artifact: chosen.artifact.digest,
    subject: resolved.descriptor,
    ...resolved.index && { index: resolved.index.digest },
    attachedTo: chosen.attachedTo,
    ...chosen.created !== void 0 && { created: chosen.created },
    signature: sig,
    ignored: selected.ignored,
    warnings
  };
}
async function hostFromMachine(hostRoot, env = process.env) {
  const [{ collectHostFeatures }, { resolveHostRoot }] = await Promise.all([
    import("./collect-WGTSGX2U.js"),
    import("./host-root-3HCUBSMB.js")
  ]);
  const collected = await collectHostFeatures({ hostRoot: resolveHostRoot(hostRoot, env) });
  return {
    host: { name: collected.hostname, features: collected.features, unavailable: collected.unavailable },
    unavailable: collected.unavailable,
    nodeFeature: toNodeFeature(collected)
  };
}
function nodeFeatureOf(host, unavailable = []) {
  return toNodeFeature({ features: host.features, unavailable, hostname: host.name });
}
function buildReport(input) {
  const verdict = input.result.hosts[0];
  if (!verdict || input.result.hosts.length !== 1) {
    throw new RangeError("a validation report describes exactly one host");
  }
  const refusal = verdict.refusal;
  return {
    ...input.id !== void 0 && { id: input.id },
    ...input.image !== void 0 && { image: input.image },
    ...input.spec !== void 0 && { spec: input.spec },
    ...input.config !== void 0 && { config: input.config },
    ...input.platform !== void 0 && { platform: input.platform },
    ...input.artifact !== void 0 && { artifact: input.artifact },
    ...input.compatibility !== void 0 && { compatibility: input.compatibility },
    compatible: verdict.compatible,
    ...refusal !== void 0 && { refusal },
    host: {
      name: verdict.node,
      ...input.runner !== void 0 && { runner: input.runner },
      hardware: summarizeHardware(input.host.features, verdict.node, input.unavailable ?? [])
    },
    results: verdict.results
  };
}

// src/commands/validate-run.ts
function checkRequest(req) {
  if ([req.spec, req.config, req.image].filter(Boolean).length !== 1)
    throw new InputError(
      `give exactly one of ${setting("spec")}, ${setting("config")} and ${setting("image")}`
    );
  if (req.features !== void 0 && req.hostRoot !== void 0)
    throw new InputError(`give ${setting("features")} or ${setting("host-root")}, not both`);
  if (req.tags && req.compatibility !== void 0)
    throw new InputError(`give ${setting("tags")} or ${setting("compatibility")}, not both`);
  if (req.platform !== void 0 && !req.image && !req.config)
    throw new InputError(`${setting("platform")} needs ${setting("image")} or ${setting("config")}`);
  if (req.platform !== void 0) parsePlatform(req.platform);
  if (req.manifest !== void 0 && !req.image)
    throw new InputError(`${setting("manifest")} needs ${setting("image")}`);
  if (req.requireSignature && !req.image)
    throw new InputError(`${setting("require-signature")} needs ${setting("image")}`);
  if (policyRequested(req.policy) && !req.image)
    throw new InputError(
      `signature policy (${POLICY_SETTINGS.map(setting).join(", ")}) needs ${setting("image")}`
    );
}
async function specFile(file, strict, log) {
  const src = parseSource(await readSource(file), file);
  refuseConfigAsSpec(src);
  const { spec, diagnostics } = checkSpecDocument(src, { lenient: !strict });
  for (const d of diagnostics.filter((x) => x.severity === "warning"))
    log.warn(formatPositioned(d.message, d.position, d.hint));
  throwFirstError(diagnostics);
  return spec;
}
async function loadHosts(req, log) {
  if (req.features !== void 0) {
    const hosts = parseFeaturesDocument(await readSource(req.features, MAX_FEATURES_BYTES), req.features).map(
      (h) => ({ ...h, features: ownFeaturesFromLocal(h.features) })
    );
    const unavailable = hosts.length === 1 ? hosts[0].unavailable ?? [] : [];
    return { hosts, unavailable, platformOf: (h) => snapshotHostPlatform(h.features, h.labels) };
  }
  const machine = await hostFromMachine(req.hostRoot);
  for (const u of machine.unavailable) log.note(`feature source ${u.source} unavailable: ${u.reason}`);
  const mounted = req.hostRoot !== void 0 && req.hostRoot !== "/";
  const platform = mounted ? snapshotHostPlatform(machine.host.features) : machineHostPlatform(machine.host.features);
  return {
    hosts: [machine.host],
    unavailable: machine.unavailable,
    nodeFeature: machine.nodeFeature,
    platformOf: () => platform
  };
}
function platformRequirement(imagePlatform, loaded, log) {
  if (imagePlatform === void 0) return void 0;
  const image = parsePlatform(imagePlatform);
  const refusals = /* @__PURE__ */ new Map();
  for (const host of loaded.hosts) {
    const name = host.name ? `host ${host.name}` : "the host";
    const platform = loaded.platformOf(host);
    if (!platform) {
      log.note(
        `${name} does not say its architecture (no kubernetes.io/arch label, no cpu flags): the image platform ${imagePlatform} is not checked`
      );
      refusals.set(host, void 0);
      continue;
    }
    if (platform.source === "cpu flags")
      log.note(
        `${name} does not say its architecture: ${formatPlatform(platform)} inferred from its cpu flags`
      );
    const verdict = canRun(platform, image);
    refusals.set(host, verdict.ok ? void 0 : verdict.reason);
  }
  return (host) => refusals.get(host);
}
async function runValidation(req, log, progress = {}) {
  checkRequest(req);
  const policy = await loadPolicy(req.policy, (m) => log.note(m));
  if (req.requireSignature && !policy) throw policyNeeded(setting("require-signature"));
  if (req.image !== void 0) progress.image = req.image;
  if (req.spec !== void 0) progress.spec = req.spec;
  if (req.config !== void 0) progress.config = req.config;
  const loaded = await loadHosts(req, log);
  if (req.oneHost?.length && loaded.hosts.length !== 1) {
    const named = req.oneHost.map(setting);
    const asking = named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : named[0];
    throw new InputError(
      `${asking} ${req.oneHost.length > 1 ? "describe" : "describes"} one host; ${setting("features")} gave ${loaded.hosts.length}`
    );
  }
  if (loaded.hosts.length === 1) progress.host = loaded.hosts[0];
  progress.unavailable = loaded.unavailable;
  let spec;
  let subject;
  if (req.image) {
    const got = await specFromImage({
      image: req.image,
      ...req.platform !== void 0 && { platform: req.platform },
      ...req.manifest !== void 0 && { manifest: req.manifest },
      ...policy && { policy },
      requireSignature: req.requireSignature,
      strict: req.strict ?? false,
      ...loaded.hosts.length === 1 && { host: loaded.platformOf(loaded.hosts[0]) },
      ...registryOf(req)
    });
    for (const w of got.warnings) log.warn(w);
    spec = got.spec;
    progress.artifact = got.artifact;
    subject = { descriptor: got.subject, ...got.index && { index: got.index } };
    if (got.platform !== void 0) progress.platform = got.platform;
    if (got.attachedTo === "index")
      log.note(`the compatibility artifact ${got.artifact} is attached to the image index`);
  } else if (req.config !== void 0) {
    const got = await specFromConfig(req.config, req.platform);
    for (const d of got.warnings) log.warn(formatPositioned(d.message, d.position, d.hint));
    for (const note of got.notes) log.note(note);
    spec = got.spec;
    progress.platform = got.platform;
  } else {
    spec = await specFile(req.spec, req.strict ?? false, log);
  }
  const tags = req.compatibility !== void 0 ? [req.compatibility] : req.tags;
  const refusal = platformRequirement(progress.platform, loaded, log);
  const result = validate2({
    spec,
    hosts: loaded.hosts,
    ...tags && { tags, tagsFrom: req.compatibility !== void 0 ? "compatibility" : "tags" },
    ...refusal && { platformRefusal: refusal }
  });
  for (const h of result.hosts)
    if (h.refusal !== void 0) log.warn(`${h.node ? `${h.node}: ` : ""}${h.refusal}`);
  if (loaded.hosts.length !== 1) return { result, hosts: loaded.hosts, ...subject && { subject } };
  const host = loaded.hosts[0];
  const report = buildReport({
    result,
    host,
    ...aboutOf(progress),
    ...req.compatibility !== void 0 && { compatibility: req.compatibility },
    unavailable: loaded.unavailable,
    ...req.runner && { runner: req.runner },
    ...req.matrixId && { id: req.matrixId }
  });
  return {
    result,
    hosts: loaded.hosts,
    report,
    nodeFeature: loaded.nodeFeature ?? nodeFeatureOf(host),
    ...subject && { subject },
    unavailable: loaded.unavailable
  };
}
function registryOf(req) {
  const {
    spec: _s,
    config: _co,
    image: _i,
    platform: _p,
    manifest: _ma,
    features: _f,
    hostRoot: _h,
    tags: _t,
    compatibility: _c,
    policy: _po,
    requireSignature: _r,
    strict: _st,
    matrixId: _m,
    runner: _ru,
    oneHost: _o,
    ...registry
  } = req;
  return registry;
}
function aboutOf(p) {
  return {
    ...p.image !== void 0 && { image: p.image },
    ...p.spec !== void 0 && { spec: p.spec },
    ...p.config !== void 0 && { config: p.config },
    ...p.platform !== void 0 && { platform: p.platform },
    ...p.artifact !== void 0 && { artifact: p.artifact }
  };
}
function failureReport(err, req, progress) {
  const host = progress.host;
  const name = host?.name || os.hostname();
  const about = aboutOf({
    ...req.image !== void 0 && { image: req.image },
    ...req.spec !== void 0 && { spec: req.spec },
    ...req.config !== void 0 && { config: req.config },
    ...req.platform !== void 0 && { platform: req.platform },
    ...progress
  });
  return {
    ...req.matrixId && { id: req.matrixId },
    ...about,
    ...req.compatibility !== void 0 && { compatibility: req.compatibility },
    compatible: false,
    host: {
      name,
      ...req.runner && { runner: req.runner },
      hardware: summarizeHardware(host?.features ?? emptyFeatures(), name, progress.unavailable ?? [])
    },
    results: [],
    error: { code: exitCodeOf(err), message: err instanceof Error ? err.message : String(err) }
  };
}

// src/io/write.ts
import path from "node:path";
var fsp = () => process.getBuiltinModule("node:fs/promises");
async function writeOutput(file, data, opts = {}) {
  await makeFolder(path.dirname(file), opts);
  try {
    await fsp().writeFile(file, data);
  } catch (err) {
    throw new InputError(`cannot write${opts.what ? ` ${opts.what}` : ""}: ${fsErrorDetail(err)}`, { file });
  }
}
async function makeFolder(dir, opts = {}) {
  try {
    await fsp().mkdir(dir, { recursive: true });
  } catch (err) {
    throw new InputError(
      `cannot create the folder${opts.what ? ` for ${opts.what}` : ""}: ${fsErrorDetail(err)}`,
      { file: dir }
    );
  }
}

// src/report/host-values.ts
var HOST_VALUES_SHOWN = 16;
function capHostValues(values, opts = {}) {
  if (opts.allHostValues || values.length <= HOST_VALUES_SHOWN) return { hostValues: values };
  return { hostValues: values.slice(0, HOST_VALUES_SHOWN), hostValuesTotal: values.length };
}

// src/report/report.ts
function unreadableSource(feature, unavailable) {
  return unavailable?.find((u) => u.source === feature || u.source.startsWith(`${feature} `));
}
function unreadableOf(e, unavailable) {
  return e.hostValues?.length ? void 0 : unreadableSource(e.feature, unavailable);
}
function unreadableText(u) {
  return `source could not be read (${u.reason})`;
}
function unreadableUsed(results, unavailable) {
  const used = /* @__PURE__ */ new Set();
  for (const set of results) {
    for (const rule3 of set.rules) {
      const all = [
        ...rule3.matchedExpressions ?? [],
        ...(rule3.matchedAny ?? []).flatMap((a) => a.matchedExpressions ?? [])
      ];
      for (const e of all) {
        const u = e.isMatch ? void 0 : unreadableOf(e, unavailable);
        if (u) used.add(u);
      }
    }
  }
  return [...used];
}
function describeUnreadable(list3) {
  return list3.map((u) => `${u.source} (${u.reason})`).join("; ");
}

// src/report/results.ts
function outputExpression(e, opts) {
  const { hostValuesTotal: total, unreadable: marked, ...nfd } = e;
  const out = { ...nfd, ...capHostValues(nfd.hostValues ?? [], opts) };
  if (total !== void 0 && total > out.hostValues.length) out.hostValuesTotal = total;
  const u = unreadableOf(e, opts.unavailable) ?? marked;
  if (u) out.unreadable = { source: u.source, reason: u.reason };
  return out;
}
function outputRule(rule3, opts) {
  const out = { ...rule3 };
  if (rule3.matchedExpressions)
    out.matchedExpressions = rule3.matchedExpressions.map((e) => outputExpression(e, opts));
  if (rule3.matchedAny)
    out.matchedAny = rule3.matchedAny.map((a) => ({
      matchedExpressions: a.matchedExpressions?.map((e) => outputExpression(e, opts)) ?? null
    }));
  return out;
}
function outputResults(results, opts = {}) {
  return results.map((set) => ({ ...set, rules: set.rules.map((r) => outputRule(r, opts)) }));
}
function outputReport(report, opts = {}) {
  return {
    ...report,
    results: outputResults(report.results, { ...opts, unavailable: report.host.hardware.unavailable })
  };
}

// src/report/json.ts
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function goJson(value) {
  const text = JSON.stringify(
    value,
    (_k, v) => typeof v === "string" ? v.replace(LONE_SURROGATE, "\uFFFD") : v
  );
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function nfdStatus(r) {
  return { ...r, rules: r.rules.length ? r.rules : null };
}
function hostResults(h, opts) {
  return outputResults(h.results, { ...opts, unavailable: h.unavailable }).map(nfdStatus);
}
function validateJson(result, opts = {}) {
  if (result.hosts.length === 1) return `${goJson(hostResults(result.hosts[0], opts))}
`;
  const nodes = result.hosts.map((h) => ({
    node: h.node,
    compatible: h.compatible,
    results: hostResults(h, opts)
  }));
  return `${goJson(nodes)}
`;
}

// src/report/style.ts
var sgr = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
function makeStyle(color) {
  if (!color) return { ok: (s) => s, fail: (s) => s, heading: (s) => s, dim: (s) => s };
  return {
    ok: sgr("32", "39"),
    fail: sgr("31", "39"),
    heading: (s) => sgr("1", "22")(sgr("36", "39")(s)),
    dim: sgr("2", "22")
  };
}
function visibleWidth(s) {
  return [...s.replace(/\x1b\[[0-9;]*m/g, "")].length;
}

// src/report/box.ts
var pad = (s, w) => s + " ".repeat(Math.max(0, w - visibleWidth(s)));
function renderBox(t) {
  const widths = t.header.map(
    (h, i) => Math.max(visibleWidth(h), ...t.groups.flat().map((r) => visibleWidth(r[i] ?? "")))
  );
  const titleRoom = widths.reduce((a, w) => a + w + 3, -1) - 2;
  if (t.title !== void 0 && visibleWidth(t.title) > titleRoom && widths.length) {
    widths[widths.length - 1] += visibleWidth(t.title) - titleRoom;
  }
  const line = (l, m, r) => l + widths.map((w) => "\u2500".repeat(w + 2)).join(m) + r;
  const row = (cells) => `\u2502 ${widths.map((w, i) => pad(cells[i] ?? "", w)).join(" \u2502 ")} \u2502`;
  const out = [];
  if (t.title !== void 0) {
    const inner = widths.reduce((a, w) => a + w + 3, -1);
    out.push(`\u250C${"\u2500".repeat(inner)}\u2510`, `\u2502 ${pad(t.title, inner - 2)} \u2502`, line("\u251C", "\u252C", "\u2524"));
  } else {
    out.push(line("\u250C", "\u252C", "\u2510"));
  }
  out.push(row(t.header), line("\u251C", "\u253C", "\u2524"));
  t.groups.forEach((g, i) => {
    if (i > 0) out.push(line("\u251C", "\u253C", "\u2524"));
    for (const r of g) out.push(row(r));
  });
  out.push(line("\u2514", "\u2534", "\u2518"));
  return `${out.join("\n")}
`;
}

// src/report/table.ts
var MAX_VALUES = 4;
function expressionText(e) {
  const value = e.value?.length ? `, value: [${e.value.map((v) => JSON.stringify(v)).join(" ")}]` : "";
  const type = e.type ? `, type: ${JSON.stringify(e.type)}` : "";
  return `{op: ${JSON.stringify(e.op)}${value}${type}}`;
}
function expectation(e) {
  const v = e.value ?? [];
  const list3 = v.join(", ");
  switch (e.op) {
    case "In":
      return v.length === 1 ? v[0] : `one of ${list3}`;
    case "NotIn":
      return `none of ${list3}`;
    case "InRegexp":
      return v.length === 1 ? `matching /${v[0]}/` : `matching one of ${v.map((p) => `/${p}/`).join(", ")}`;
    case "Exists":
      return "present";
    case "DoesNotExist":
      return "absent";
    case "Gt":
      return `> ${v[0]}`;
    case "Ge":
      return `>= ${v[0]}`;
    case "Lt":
      return `< ${v[0]}`;
    case "Le":
      return `<= ${v[0]}`;
    case "GtLt":
      return `> ${v[0]} and < ${v[1]}`;
    case "GeLe":
      return `>= ${v[0]} and <= ${v[1]}`;
    case "IsTrue":
      return "true";
    case "IsFalse":
      return "false";
  }
  return e.op;
}
function hostHas(values, unreadable, all) {
  if (values.length === 0 && unreadable) return unreadableText(unreadable);
  if (values.length === 0) return "host has none";
  const max = all ? values.length : MAX_VALUES;
  const shown = values.slice(0, max).join(", ");
  return `host has ${shown}${values.length > max ? ` (+${values.length - max} more)` : ""}`;
}
function hostText(m, unavailable, opts = {}) {
  const what = m.matcherType === "matchName" ? `a name ${expectation(m.expression)}` : expectation(m.expression);
  const has = hostHas(m.hostValues, unreadableOf(m, unavailable), opts.allHostValues ?? false);
  return m.isMatch ? has : `expected ${what}, ${has}`;
}
function setHeading(set, n, s) {
  let head = s.heading(`COMPATIBILITY SET #${n} `) + s.heading(`Weight: ${set.weight ?? 0}`);
  if (set.tag) head += s.heading(`; Tag: ${set.tag}`);
  return `${head}
Description: ${set.description ?? ""}
`;
}
function ruleTable(rule3, s, unavailable, opts) {
  const status = rule3.isMatch ? s.ok("OK") : s.fail("FAIL");
  const rows = (list3) => (list3 ?? []).map((m) => [
    m.name ? `${m.feature}.${m.name}` : m.feature,
    expressionText(m.expression),
    m.matcherType,
    m.isMatch ? s.ok("OK") : s.fail("FAIL"),
    hostText(m, unavailable, opts)
  ]);
  const groups = [
    rows(rule3.matchedExpressions),
    ...(rule3.matchedAny ?? []).map((a) => rows(a.matchedExpressions))
  ].filter((g) => g.length > 0);
  let n = 0;
  const numbered = groups.map((g) => g.map((r) => [String(++n), ...r]));
  return renderBox({
    title: `RULE: ${rule3.name.toUpperCase()} - ${status}`,
    header: ["", "Feature", "Expression", "Matcher Type", "Status", "Host"],
    groups: numbered.length ? numbered : [[]]
  });
}
function renderHostTable(result, host, opts) {
  const s = makeStyle(opts.color);
  const out = [];
  result.sets.forEach((set, i) => {
    const r = host.results[i];
    out.push(
      setHeading(set, set.index + 1, s) + r.rules.map((rule3) => ruleTable(rule3, s, host.unavailable, opts)).join("")
    );
  });
  const label = host.node ? `${host.node}: ` : "";
  const sets2 = host.matchingSets.map((i) => setName(result.sets[i])).join(", ");
  out.push(
    host.refusal !== void 0 ? `${label}${s.fail("INCOMPATIBLE")}: ${host.refusal}
` : host.compatible ? `${label}${s.ok("COMPATIBLE")}: ${sets2} ${host.matchingSets.length > 1 ? "match" : "matches"}
` : `${label}${s.fail("INCOMPATIBLE")}: no compatibility set has all its rules matching
`
  );
  const unreadable = unreadableUsed(host.results, host.unavailable);
  if (unreadable.length) {
    out.push(
      `${label}failed expressions could not be checked, their source could not be read: ${describeUnreadable(unreadable)}; the host may have what they ask for
`
    );
  }
  return out.join("\n");
}
function setName(set) {
  return set.tag ? `#${set.index + 1} (${set.tag})` : `#${set.index + 1}`;
}
function whyNot(result, host, opts) {
  if (host.refusal !== void 0) return host.refusal;
  return host.results.map((r, i) => {
    const rule3 = r.rules.find((x) => !x.isMatch);
    if (!rule3) return void 0;
    const all = [
      ...rule3.matchedExpressions ?? [],
      ...(rule3.matchedAny ?? []).flatMap((a) => a.matchedExpressions ?? [])
    ];
    const m = all.find((x) => !x.isMatch);
    const detail = m ? `: ${m.name ? `${m.feature}.${m.name}` : m.feature} ${hostText(m, host.unavailable, opts)}` : "";
    return `${setName(result.sets[i])} rule "${rule3.name}"${detail}`;
  }).filter((x) => x !== void 0).join("; ");
}
function renderNodesTable(result, opts) {
  const s = makeStyle(opts.color);
  const rows = result.hosts.map((h) => [
    h.node || "(host)",
    h.compatible ? s.ok("compatible") : s.fail("incompatible"),
    h.matchingSets.map((i) => setName(result.sets[i])).join(", ") || "-",
    h.compatible ? "" : whyNot(result, h, opts)
  ]);
  const table = renderBox({ header: ["Node", "Verdict", "Matching sets", "Why not"], groups: [rows] });
  const n = result.compatibleCount;
  const total = result.hosts.length;
  const summary = `${n} of ${total} ${total === 1 ? "node" : "nodes"} can run the image`;
  const unreadable = result.hosts.flatMap((h) => {
    const used = unreadableUsed(h.results, h.unavailable);
    return used.length ? [`${h.node || "(host)"}: could not read ${describeUnreadable(used)}
`] : [];
  });
  const note = unreadable.length ? `failed expressions could not be checked on ${unreadable.length} ${unreadable.length === 1 ? "node" : "nodes"}, their source could not be read:
${unreadable.join("")}` : "";
  return `${table}${n === total ? s.ok(summary) : s.fail(summary)}
${note}`;
}
function renderValidateTable(result, opts) {
  return neutraliseText(
    result.hosts.length === 1 ? renderHostTable(result, result.hosts[0], opts) : renderNodesTable(result, opts)
  );
}

// src/commands/registry-options.ts
var DEFAULT_RETRIES = 4;
var DEFAULT_TIMEOUT_S = 60;
var MAX_TIMEOUT_SECONDS = 86400;
var MAX_RETRIES = 100;
function count(raw, name, min, max) {
  if (raw === void 0 || raw === "") return void 0;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new InputError(`${setting(name)} must be a whole number from ${min} to ${max}, got ${quote(raw)}`);
  return Number(raw);
}
function githubRegistries(env = process.env) {
  const hosts = ["ghcr.io"];
  const server = env.GITHUB_SERVER_URL;
  if (server) {
    try {
      const host = new URL(server).host.toLowerCase();
      if (host && host !== "github.com") hosts.push(`containers.${host}`);
    } catch {
    }
  }
  return hosts;
}
function credentialRule(settings, env = process.env) {
  const { username, password, githubToken } = settings;
  if (password !== void 0 && username === void 0)
    throw new InputError(
      `${setting("password")} is given without ${setting("username")}: give both, or neither`
    );
  if (username !== void 0 && password === void 0)
    throw new InputError(`${setting("username")} ${username} needs ${setting("password")}`);
  const explicit = username !== void 0 ? { username, password } : void 0;
  const files = defaultCredentialSource(explicit, env);
  if (explicit || !githubToken) return files;
  const github = new Set(githubRegistries(env));
  const token = { username: env.GITHUB_ACTOR || "github-actions", password: githubToken };
  return async (registry) => await files(registry) ?? (github.has(registry.toLowerCase()) ? token : void 0);
}
async function registryOptions(settings, ctx = {}) {
  const env = ctx.env ?? process.env;
  const plainHttp = settings.plainHttp ?? false;
  const options = {
    plainHttp,
    credentialSource: credentialRule(settings, env),
    warn: ctx.warn ?? ((line) => process.stderr.write(`warning: ${line}
`))
  };
  if (settings.insecure && plainHttp)
    throw new InputError(
      `${setting("insecure")} is for HTTPS registries; with ${setting("plain-http")} there is no TLS to relax`
    );
  const retries = count(settings.retries, "retries", 0, MAX_RETRIES);
  const timeout = count(settings.timeout, "timeout", 1, MAX_TIMEOUT_SECONDS);
  const caFile = settings.caFile !== void 0 && settings.caFile !== "" ? settings.caFile : void 0;
  if (caFile !== void 0 || settings.insecure) {
    const { tlsSettings } = await import("./tls-Y52ZH4W6.js");
    const tls = await tlsSettings({
      ...caFile !== void 0 && { caFile },
      ...settings.insecure && { insecure: true }
    });
    if (tls) options.tls = tls;
  }
  if (retries !== void 0) options.retry = retryPolicy({ retries });
  if (timeout !== void 0) options.timeoutMs = timeout * 1e3;
  if (env.IMAGE_COMPAT_DEBUG) {
    options.debug = ctx.log ?? ((line) => process.stderr.write(`debug: ${line}
`));
  }
  return options;
}

// src/cli/registry-options.ts
var REGISTRY_OPTIONS = [
  { flags: "--plain-http", description: "talk HTTP instead of HTTPS to the registry", default: false },
  {
    flags: "--ca-file <file>",
    description: "PEM file of CA certificates to trust for the registry (besides the system's)"
  },
  {
    flags: "--insecure",
    description: "skip TLS certificate verification (only when you must: anyone can impersonate the registry)"
  },
  {
    flags: "--username <name>",
    description: "registry user name (with --password-stdin; env IMAGE_COMPAT_USERNAME); default: the auth files"
  },
  {
    flags: "--password-stdin",
    description: "read the password or token for --username from stdin (env IMAGE_COMPAT_PASSWORD)"
  },
  {
    flags: "--retries <n>",
    description: "retries of a failed request (429, 5xx, dropped connection)",
    default: String(DEFAULT_RETRIES)
  },
  { flags: "--timeout <seconds>", description: "timeout of one request", default: String(DEFAULT_TIMEOUT_S) }
];
async function readStdin(stdin) {
  return readText("-", { maxBytes: LIMITS.small, what: "--password-stdin", stdin });
}
async function registryOptionsFrom(flags, ctx = {}) {
  const env = ctx.env ?? process.env;
  const username = flags.username ?? (env.IMAGE_COMPAT_USERNAME || void 0);
  let password;
  if (flags.passwordStdin) {
    password = (await readStdin(ctx.stdin ?? process.stdin)).replace(/\r?\n$/, "") || void 0;
  } else if (username !== void 0) {
    password = env.IMAGE_COMPAT_PASSWORD || void 0;
  }
  return registryOptions(
    {
      plainHttp: flags.plainHttp,
      ...flags.caFile !== void 0 && { caFile: flags.caFile },
      ...flags.insecure && { insecure: true },
      ...username !== void 0 && { username },
      ...password !== void 0 && { password },
      ...env.GITHUB_TOKEN && { githubToken: env.GITHUB_TOKEN },
      ...flags.retries !== void 0 && { retries: flags.retries },
      ...flags.timeout !== void 0 && { timeout: flags.timeout }
    },
    { env, ...ctx.log && { log: ctx.log } }
  );
}
var REGISTRY_HELP = `
Credentials: --username with --password-stdin (or IMAGE_COMPAT_USERNAME/IMAGE_COMPAT_PASSWORD), else
$REGISTRY_AUTH_FILE, \${XDG_RUNTIME_DIR}/containers/auth.json (Podman), then Docker's config file
($DOCKER_CONFIG/config.json, else ~/.docker/config.json), with credHelpers/credsStore helpers, else
for ghcr.io the token in GITHUB_TOKEN.
IMAGE_COMPAT_DEBUG=1 logs each request (method, URL, status; never credentials).`;

// src/cli/policy-options.ts
var POLICY_OPTIONS = [
  { flags: "--key <file>", description: "public key (PEM) the compatibility artifact must be signed with" },
  {
    flags: "--certificate-identity <identity>",
    description: "keyless: the exact signer identity (e.g. a workflow URL)"
  },
  {
    flags: "--certificate-identity-regexp <re>",
    description: "keyless: a regular expression (RE2) for the signer identity"
  },
  {
    flags: "--certificate-oidc-issuer <url>",
    description: "keyless: the OIDC issuer of the signer identity"
  },
  {
    flags: "--trusted-root <file>",
    description: "keyless: the Sigstore trusted root (JSON) to verify certificates against (default: the public-good instance's, through TUF; give it for a private instance such as GitHub's)"
  },
  {
    flags: "--offline",
    description: "keyless without --trusted-root: no TUF refresh, use the cached or embedded public-good trusted root (also env IMAGE_COMPAT_OFFLINE=1)"
  }
];
function policyRequestOf(flags) {
  return {
    ...flags.key !== void 0 && { key: flags.key },
    ...flags.certificateIdentity !== void 0 && { certificateIdentity: flags.certificateIdentity },
    ...flags.certificateIdentityRegexp !== void 0 && {
      certificateIdentityRegexp: flags.certificateIdentityRegexp
    },
    ...flags.certificateOidcIssuer !== void 0 && { certificateOidcIssuer: flags.certificateOidcIssuer },
    ...flags.trustedRoot !== void 0 && { trustedRoot: flags.trustedRoot },
    ...flags.offline && { offline: true }
  };
}

// src/cli/validate.ts
function parseTags(value) {
  const tags = value.split(",").map((t) => t.trim()).filter((t) => t !== "");
  if (tags.length === 0) throw new InvalidValueError("expected one or more comma-separated tags");
  return tags;
}
function useColor(stream = process.stdout) {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}
function warn(message) {
  process.stderr.write(`image-compat: warning: ${message}
`);
}
async function writeJson(file, value, flag) {
  await writeOutput(file, `${JSON.stringify(value, null, 2)}
`, { what: flag });
}
function oneHostFlags(flags) {
  return [
    ...flags.report !== void 0 ? ["report"] : [],
    ...flags.saveFeatures !== void 0 ? ["save-features"] : [],
    ...flags.attest ? ["attest"] : []
  ];
}
async function requestOf(flags) {
  return {
    ...flags.spec !== void 0 && { spec: flags.spec },
    ...flags.config !== void 0 && { config: flags.config },
    ...flags.image !== void 0 && { image: flags.image },
    ...flags.platform !== void 0 && { platform: flags.platform },
    ...flags.manifest !== void 0 && { manifest: flags.manifest },
    ...flags.features !== void 0 && { features: flags.features },
    ...flags.hostRoot !== void 0 && { hostRoot: flags.hostRoot },
    ...flags.tags && { tags: flags.tags },
    ...flags.compatibility !== void 0 && { compatibility: flags.compatibility },
    policy: policyRequestOf(flags),
    requireSignature: flags.requireSignature,
    strict: flags.strict,
    ...flags.matrixId !== void 0 && { matrixId: flags.matrixId },
    ...process.env.RUNNER_NAME && { runner: process.env.RUNNER_NAME },
    oneHost: oneHostFlags(flags),
    ...await registryOptionsFrom(flags)
  };
}
async function attestSigning(flags) {
  if (flags.image === void 0)
    throw new InputError("--attest needs --image REF (the record attaches to it)");
  const { oidcAvailable, resolveSigning } = await import("./signing-3F365SPH.js");
  if (flags.attestKey === void 0 && !oidcAvailable(process.env)) {
    throw new InputError(
      "--attest needs --attest-key FILE (a private key) or, in GitHub Actions, keyless signing (`permissions: id-token: write`)"
    );
  }
  return resolveSigning(flags.attestKey !== void 0 ? { keyFile: flags.attestKey } : {}, process.env);
}
var validateCommand = {
  name: "validate",
  summary: "evaluate an image compatibility spec against this host or host features, as node-feature-discovery does",
  description: "Evaluate an image compatibility spec (a file, or the newest compatibility artifact of an image) against this host's features (or a snapshot) with the verdicts of node-feature-discovery. Exit 0: compatible (one host: a set has all its rules matching; several nodes: every node), 1: incompatible, 2: bad input or evaluation error, 3: registry error or no compatibility artifact, 4: signature policy failure or tampering.",
  options: [
    { flags: "--spec <file>", description: "image compatibility spec (YAML or JSON)" },
    {
      flags: "--config <file>",
      description: "an image-compat config, compiled for the host's platform (or --platform) and evaluated as --spec"
    },
    {
      flags: "--image <ref>",
      description: "an image whose newest compatibility artifact to evaluate (instead of --spec)"
    },
    {
      flags: "--platform <os/arch[/variant]>",
      description: "with --image: the platform of an index to read (os and arch exact, variant when given; default: the first entry this host can run). A platform this host cannot run is incompatible"
    },
    {
      flags: "--manifest <digest>",
      description: "with --image: the index's manifest to read, by digest (a plan entry's `manifest`: several manifests may share a platform)"
    },
    {
      flags: "--features <file>",
      description: "host features: an NFD Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures (JSON or YAML); - reads standard input. Default: this host's features"
    },
    {
      flags: "--host-root <dir>",
      description: "collect the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT"
    },
    {
      flags: "--tags <tags>",
      description: "evaluate only the compatibility sets with these tags (comma-separated)",
      parse: parseTags
    },
    {
      flags: "--compatibility <name>",
      description: "evaluate only the compatibility set with this tag (a plan matrix entry's name)"
    },
    {
      flags: "--output <format>",
      description: "output format",
      choices: ["table", "json"],
      default: "table"
    },
    {
      flags: "--report <file>",
      description: "write the validation report (JSON) to FILE (one host only); written also when no verdict is reached (with `error`)"
    },
    {
      flags: "--matrix-id <id>",
      description: "the plan matrix entry's id, carried by the report (`report --matrix` reconciles by it)"
    },
    {
      flags: "--save-features <file>",
      description: "write this host's features as a NodeFeature (JSON) to FILE"
    },
    {
      flags: "--all-host-values",
      description: "every host value of an expression in the table, the JSON and the report (default: the JSON and the report keep the first 16 and the total, `hostValuesTotal`; the table shows 4)",
      default: false
    },
    {
      flags: "--require-signature",
      description: "with --image: evaluate the newest artifact whose signature passes the policy",
      default: false
    },
    {
      flags: "--attest",
      description: "with --image, one host: attach a signed validation record to the platform manifest validated (docs/validations.md); keyless in GitHub Actions, or --attest-key",
      default: false
    },
    {
      flags: "--attest-key <file>",
      description: "the private key (PEM, as `attach --sign --key` takes; COSIGN_PASSWORD for cosign keys) that signs the validation record"
    },
    {
      flags: "--attest-hostname",
      description: "record the host's name in the validation record (off: a salted machine id only)",
      default: false
    },
    {
      flags: "--runner-labels <labels>",
      description: "the runner's labels for the validation record: a JSON array (`${{ toJSON(matrix.runs-on) }}`) or comma-separated"
    },
    {
      flags: "--strict",
      description: "refuse a spec with findings NFD only meets while evaluating (lint's errors: an empty op, a broken expression, type on In); without it they are warnings and the spec is evaluated as NFD does",
      default: false
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS
  ],
  after: [
    REGISTRY_HELP,
    "",
    "Examples:",
    "  image-compat validate --spec examples/specs/gpu.yaml --features examples/hosts/h100-server.json",
    "  image-compat validate --spec spec.yaml                       # this host",
    "  image-compat validate --image ghcr.io/acme/app:1.0 --require-signature --key cosign.pub",
    "  image-compat validate --image ghcr.io/acme/app:1.0 --compatibility h100 --attest --attest-key ci.key",
    "  kubectl get nodefeatures -A -o json | image-compat validate --spec spec.yaml --features - --output json",
    ""
  ].join("\n"),
  action: async (flags) => {
    const req = await requestOf(flags);
    const attest = flags.attest ? await attestSigning(flags) : void 0;
    const progress = {};
    const log = {
      note: (m) => process.stderr.write(`image-compat: note: ${m}
`),
      warn
    };
    let run2;
    try {
      run2 = await runValidation(req, log, progress);
    } catch (err) {
      if (flags.report !== void 0)
        await writeJson(flags.report, failureReport(err, req, progress), "--report");
      throw err;
    }
    const { result } = run2;
    const values = { allHostValues: flags.allHostValues };
    process.stdout.write(
      flags.output === "json" ? validateJson(result, values) : renderValidateTable(result, { color: useColor(), ...values })
    );
    if (attest) {
      const { attestValidation, parseRunnerLabels } = await import("./attest-4GQLYHNF.js");
      const record = await attestValidation(run2, {
        image: flags.image,
        sign: attest,
        fromMachine: flags.features === void 0,
        ...flags.hostRoot !== void 0 && { hostRoot: flags.hostRoot },
        hostname: flags.attestHostname,
        ...process.env.RUNNER_NAME && { runnerName: process.env.RUNNER_NAME },
        ...flags.runnerLabels !== void 0 && {
          runnerLabels: parseRunnerLabels(flags.runnerLabels)
        },
        ...flags.matrixId !== void 0 && { matrixId: flags.matrixId },
        ...await registryOptionsFrom(flags)
      });
      process.stderr.write(
        `image-compat: attached validation record ${record.record} to ${record.subject}
`
      );
      if (run2.report) run2.report.attestation = record.digest;
    }
    if (flags.report !== void 0 && run2.report)
      await writeJson(flags.report, outputReport(run2.report, values), "--report");
    if (flags.saveFeatures !== void 0)
      await writeJson(flags.saveFeatures, run2.nodeFeature, "--save-features");
    process.exitCode = result.compatible ? ExitCode.ok : ExitCode.incompatible;
  }
};

// src/cli-validate.ts
await runCli({ validate: async () => validateCommand });
