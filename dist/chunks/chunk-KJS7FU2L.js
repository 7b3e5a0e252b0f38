import {
  fsErrorDetail
} from "./chunk-LOFLUJHY.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";

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
async function onOutput(file, step, opts = {}) {
  try {
    return await step();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`cannot write${opts.what ? ` ${opts.what}` : ""}: ${fsErrorDetail(err)}`, { file });
  }
}

export {
  writeOutput,
  makeFolder,
  onOutput
};
