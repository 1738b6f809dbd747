/** Goal-text helpers shared by the goal rules (compiled once). */
import { squash } from "../util";

// "1." "2、" "目标1：" "（一）" at the start of an item.
const NUMBERING = /^[\s\u3000]*(?:目标\s*\d+\s*[:：]?|\d+\s*[.、．:：]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+\s*[、.．])\s*/;
/** Template artefact of the Hebei county template: "目标内容 1" (seed 000 #1–24). */
export const TEMPLATE_ARTEFACT = /目标内容\s*\d*/;

/** The item without its numbering, trimmed. */
export function goalBody(goal: string): string {
  return goal.replace(NUMBERING, "").trim();
}

/** Canonical form for equality: no numbering, no whitespace, no trailing punctuation. */
export function goalKey(goal: string): string {
  return squash(goalBody(goal)).replace(TRAIL, "");
}
const TRAIL = /[。.;；，,！!]+$/;
