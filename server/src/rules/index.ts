import { duplicateAuthor } from './duplicate-author';
import { duplicateDay } from './duplicate-day';
import { duplicatePaper } from './duplicate-paper';
import { invalidDayHeading } from './invalid-day-heading';
import { invalidPaperHeading } from './invalid-paper-heading';
import { invalidVote } from './invalid-vote';
import { malformedLink } from './malformed-link';
import { mediaMismatch } from './media-mismatch';
import { missingAuthors } from './missing-authors';
import { missingDayHeading } from './missing-day-heading';
import { missingMedia } from './missing-media';
import { missingSummary } from './missing-summary';
import { missingVote } from './missing-vote';
import { paperAfterDay } from './paper-after-day';
import { unexpectedLine } from './unexpected-line';
import { urlRunsIntoText } from './url-runs-into-text';
import { votesOutOfOrder } from './votes-out-of-order';
import type { Rule } from './types';

/** The one registry of rules, in the order of DIGEST_FORMAT.md's table. */
export const rules: readonly Rule[] = [
  missingDayHeading,
  invalidDayHeading,
  duplicateDay,
  invalidPaperHeading,
  duplicatePaper,
  missingMedia,
  mediaMismatch,
  missingVote,
  invalidVote,
  missingAuthors,
  duplicateAuthor,
  malformedLink,
  urlRunsIntoText,
  missingSummary,
  votesOutOfOrder,
  paperAfterDay,
  unexpectedLine,
];

export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.id, r]));
