// The registry flags every registry-facing verb shares (attach, discover, validate --image,
// verify, check --base-image): defined once so they read the same everywhere, and turned into the
// client's RegistryOptions in one place.
import { type Command, Option } from 'commander';
import { InputError } from '../errors.js';
import type { RegistryOptions } from '../oci/index.js';

export interface RegistryFlags {
  plainHttp: boolean;
}

/** Adds the shared registry flags to a command. */
export function addRegistryOptions(cmd: Command): Command {
  return cmd.addOption(
    new Option('--plain-http', 'talk HTTP instead of HTTPS to the registry').default(false),
  );
}

/** The client options for the flags `addRegistryOptions` declared. */
export async function registryOptionsFrom(flags: RegistryFlags): Promise<RegistryOptions> {
  return { plainHttp: flags.plainHttp };
}

/** `IMAGE_COMPAT_SETTLE_MS` shortens the fallback-index settle delay (tests) or lengthens it (slow registries). */
export function settleFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.IMAGE_COMPAT_SETTLE_MS;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw))
    throw new InputError(`IMAGE_COMPAT_SETTLE_MS must be milliseconds, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

export const REGISTRY_HELP =
  "\nCredentials come from Docker's config file ($DOCKER_CONFIG/config.json, else ~/.docker/config.json).";
