/**
 * The inbox model (browser-safe): check N files together and merge them.
 *
 *   const files: InboxFile[] = [{ file: "交警大队.xlsx", document }, …];   // each read by readWorkbook
 *   const report = checkInbox(files);               // cross-file findings, per-file counts, totals
 *   const own = inboxFileFindings(files, i, validate(files[i].document).findings);
 *   const { document, notes } = mergeInbox(files);   // one canonical document for the department
 */
export type { InboxFile, InboxFinding, InboxLocation, InboxReport, InboxFileSummary, InboxRule, InboxContext } from "./types";
export { checkInbox, inboxFileFindings, sortInboxFindings, type InboxOptions } from "./run";
export { mergeInbox, type MergeResult } from "./merge";
export { INBOX_RULES, INBOX_RULE_IDS, getInboxRule } from "./rules";
export { documentCell, projectLocation, documentLocation } from "./locate";
export { inboxRows, inboxSummary, inboxSummaryEn, locationText, categoryZh, SEVERITY_ZH, type InboxRow, type InboxFileOutcome } from "./report";
export { slimForInbox } from "./slim";
