
// src/io/workflow-command.ts
var BREAK = "\u200B";
function neutraliseText(text) {
  if (!text.includes("::")) return text;
  return text.replace(/(^|[\r\n])([ \t]*):(?=:)/g, `$1$2:${BREAK}`);
}
function commandData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function commandProperty(s) {
  return commandData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export {
  neutraliseText,
  commandData,
  commandProperty
};
