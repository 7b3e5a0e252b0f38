import {
  GITHUB_FULCIO_URL,
  GITHUB_TSA_URL,
  PUBLIC_GOOD_FULCIO_URL,
  PUBLIC_GOOD_REKOR_URL,
  SIGSTORE_AUDIENCE,
  githubActionsIdentityProvider,
  isNetworkFailure,
  keySigner,
  keylessInstanceFor,
  repositoryVisibility,
  signStatement,
  staticIdentityProvider
} from "./chunk-7L5NO3CK.js";
import "./chunk-AIYKYRR2.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import "./chunk-BAT4XCPV.js";
import "./chunk-3HEGI24S.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  GITHUB_FULCIO_URL,
  GITHUB_TSA_URL,
  PUBLIC_GOOD_FULCIO_URL,
  PUBLIC_GOOD_REKOR_URL,
  SIGSTORE_AUDIENCE,
  githubActionsIdentityProvider,
  isNetworkFailure,
  keySigner,
  keylessInstanceFor,
  repositoryVisibility,
  signStatement,
  staticIdentityProvider
};
