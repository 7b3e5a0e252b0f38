// Pins the copyable example workflows (examples/workflows/*.yml) to a release: every
// `uses: OWNER/image-compat[/sub]@<sha> # <tag>` gets the commit SHA of the tag and the tag as its
// comment. Run at release time, after the tag exists (RELEASE.md):
//   node scripts/pin-examples.mjs v0.1.0
// Until the first release, the examples hold the placeholder 0000000000000000000000000000000000000000
// (40 zeros: a well-formed SHA that no commit has) with the version to be released as its comment.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PLACEHOLDER_SHA = '0'.repeat(40);
const USES = /(uses:\s*[\w.-]+\/image-compat(?:\/[\w.-]+)?@)[0-9a-f]{40}( # )v\d+\.\d+\.\d+\S*/g;

/** The text with every image-compat `uses:` pinned to `sha` and commented with `tag`. */
export function pin(text, sha, tag) {
  return text.replace(USES, (_all, uses, comment) => `${uses}${sha}${comment}${tag}`);
}

const main = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
const tag = process.argv[2];
if (main && tag !== undefined) {
  if (!/^v\d+\.\d+\.\d+$/.test(tag)) {
    console.error(`pin-examples: ${tag} is not a semver release tag (vMAJOR.MINOR.PATCH)`);
    process.exit(2);
  }
  const sha = execFileSync('git', ['rev-parse', '--verify', `${tag}^{commit}`], { encoding: 'utf8' }).trim();
  const dir = process.argv[3] ?? 'examples/workflows';
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const full = path.join(dir, file);
    const before = readFileSync(full, 'utf8');
    const after = pin(before, sha, tag);
    if (after !== before) {
      writeFileSync(full, after);
      console.log(`${full}: pinned to ${tag} (${sha})`);
    }
  }
}
