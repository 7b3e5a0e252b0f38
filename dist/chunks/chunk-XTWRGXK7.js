import {
  changeOf
} from "./chunk-E4W27L74.js";
import {
  GitHubRepository,
  info,
  upsertComment,
  warning
} from "./chunk-K6DOW5V5.js";

// src/action/github/publish-comment.ts
import { readFile } from "node:fs/promises";
async function pullNumberOf(eventName, eventPath) {
  if (!eventName || !eventPath) return void 0;
  try {
    return changeOf(eventName, JSON.parse(await readFile(eventPath, "utf8")))?.pullNumber;
  } catch {
    return void 0;
  }
}
async function publishComment(c) {
  if (c.policy === "never") return;
  const pull = c.pullNumber ?? await pullNumberOf(c.eventName, c.eventPath);
  if (pull === void 0) return;
  if (!c.github && (!c.token || !c.repository)) {
    info(`pull request #${pull}: no comment: no github-token`);
    return;
  }
  const github = c.github ?? new GitHubRepository(c.token, c.repository);
  const done = await upsertComment(github, pull, c.marker, c.body, c.policy, c.failed);
  if ("id" in done) info(`pull request #${pull}: comment ${done.action} (${done.id})`);
  else if (done.action === "skipped") info(`pull request #${pull}: no comment: ${done.reason}`);
  else warning(done.reason, { title: c.title });
}

export {
  publishComment
};
