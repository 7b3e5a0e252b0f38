import {
  MATCH_OPS
} from "./chunk-CEMVL7P3.js";

// src/report/schema.ts
var stringList = { type: "array", items: { type: "string" } };
var matchedExpression = {
  type: "object",
  required: ["feature", "name", "expression", "matcherType", "isMatch"],
  properties: {
    feature: { type: "string" },
    name: { type: "string" },
    expression: {
      type: "object",
      required: ["op"],
      properties: {
        op: { enum: [...MATCH_OPS] },
        value: stringList,
        type: { type: "string" }
      }
    },
    matcherType: { enum: ["matchExpression", "matchName"] },
    isMatch: { type: "boolean" },
    hostValues: stringList,
    // Present only when hostValues was cut to its first values (src/report/host-values.ts).
    hostValuesTotal: { type: "integer", minimum: 0 },
    // Present only when hostValues is empty and the feature's source could not be read.
    unreadable: {
      type: "object",
      required: ["source", "reason"],
      properties: { source: { type: "string" }, reason: { type: "string" } }
    }
  }
};
var expressions = { type: "array", items: { $ref: "#/definitions/matchedExpression" } };
var validationReportSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "urn:image-compat:schemas:validation-report:v1",
  title: "image-compat validation report",
  description: "One validation of a host against an image compatibility spec. `results` is the shape of NFD `nfd compat validate-node --output-json`, plus `hostValues` (capped: `hostValuesTotal`) and `unreadable` on expressions.",
  type: "object",
  required: ["compatible", "host", "results"],
  properties: {
    id: { type: "string" },
    image: { type: "string" },
    spec: { type: "string" },
    config: { type: "string" },
    platform: { type: "string" },
    artifact: { type: "string" },
    compatibility: { type: "string" },
    compatible: { type: "boolean" },
    refusal: { type: "string" },
    host: {
      type: "object",
      required: ["name", "hardware"],
      properties: {
        name: { type: "string" },
        runner: { type: "string" },
        hardware: { $ref: "#/definitions/hardware" }
      }
    },
    results: { type: "array", items: { $ref: "#/definitions/setResult" } },
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "integer" }, message: { type: "string" } }
    },
    attestation: { type: "string", pattern: "^sha256:[a-f0-9]{64}$" }
  },
  definitions: {
    matchedExpression,
    /** One compatibility set's result, as NFD's validate-node reports it. */
    setResult: {
      type: "object",
      required: ["rules"],
      properties: {
        rules: { type: "array", items: { $ref: "#/definitions/rule" } },
        description: { type: "string" },
        weight: { type: "integer" },
        tag: { type: "string" }
      }
    },
    rule: {
      type: "object",
      required: ["name", "isMatch"],
      properties: {
        name: { type: "string" },
        isMatch: { type: "boolean" },
        matchedExpressions: expressions,
        matchedAny: {
          type: "array",
          items: {
            type: "object",
            required: ["matchedExpressions"],
            properties: { matchedExpressions: { oneOf: [expressions, { type: "null" }] } }
          }
        }
      }
    },
    hardware: {
      // The collectors' summary (src/report/hardware.ts summarizeHardware).
      type: "object",
      required: ["cpu", "gpus", "nics", "rdma"],
      properties: {
        host: { type: "string" },
        cpu: {
          type: "object",
          required: ["flagCount"],
          properties: {
            vendor: { type: "string" },
            family: { type: "string" },
            model: { type: "string" },
            x86Level: { type: "string" },
            hypervisor: { type: "string" },
            sockets: { type: "string" },
            multithreading: { type: "string" },
            flagCount: { type: "integer", minimum: 0 }
          }
        },
        kernel: { type: "string" },
        os: { type: "string" },
        memory: {
          type: "object",
          properties: {
            numaNodes: { type: "string" },
            hugepages: { type: "array", items: { type: "string" } },
            swap: { type: "string" }
          }
        },
        gpus: {
          type: "array",
          items: {
            type: "object",
            required: ["vendor", "device"],
            properties: Object.fromEntries(
              [
                "vendor",
                "device",
                "model",
                "driver",
                "driverVersion",
                "memoryMib",
                "computeCapability",
                "gfxTarget",
                "numaNode"
              ].map((k) => [k, { type: "string" }])
            )
          }
        },
        nics: {
          type: "array",
          items: {
            type: "object",
            required: ["name"],
            properties: Object.fromEntries(
              ["name", "operstate", "speed", "totalVfs", "numVfs"].map((k) => [k, { type: "string" }])
            )
          }
        },
        rdma: {
          type: "array",
          items: {
            type: "object",
            required: ["name"],
            properties: Object.fromEntries(
              ["name", "vendor", "linkLayer", "state", "rate"].map((k) => [k, { type: "string" }])
            )
          }
        },
        unavailable: {
          type: "array",
          items: {
            type: "object",
            required: ["source", "reason"],
            properties: { source: { type: "string" }, reason: { type: "string" } }
          }
        }
      }
    }
  }
};

export {
  validationReportSchema
};
