/** A performance criterion (`P1`–`P14`) or knowledge item (`K1`–`K12`) of the unit. */
export type CriterionCode = `P${number}` | `K${number}`;

/** One criterion of the unit, as the standard words it. */
export interface Criterion {
  readonly code: CriterionCode;
  readonly kind: 'performance' | 'knowledge';
  readonly text: string;
}

/** The unit these criteria come from. */
export const UNIT = {
  code: 'CFACSB9',
  title: 'Deliver customer service using service partnerships',
  developedBy: 'Skills CFA',
  approved: '2021-02-22',
} as const;

const PERFORMANCE = [
  'define partners involved in the service chain that supplies your end user customers',
  "identify the internal and external service partners involved in your organisation's service chain",
  'explain how your work with individual service partners contributes to an overall service chain',
  'deliver customer service to internal and external customers following the same principles and practices',
  'work with internal customers in the service chain to improve service to external customers',
  'communicate with internal customers to highlight any aspects of your work that might affect them',
  'work with internal or external suppliers in the service chain to improve service to external customers',
  'maintain relationships between internal or external suppliers and customers to reinforce how all roles in the service chain contribute to service',
  'identify where power and authority exist within the service chain',
  'negotiate with internal customers, and internal or external suppliers, to agree service procedures that contribute to customer service',
  'develop working relationships with internal customers or suppliers using service level agreements (SLAs)',
  'work with colleagues to maintain awareness of the need for team collaboration within the service chain',
  'agree with service partners how your work will be prioritised if there is a conflict of interest between the demands of internal and external customers',
  'follow the legal, organisational, codes of practice and policies relevant to your role and the activities being carried out',
];

const KNOWLEDGE = [
  'the teams, colleagues and external service partners that are involved in supplying your end user customers',
  'how service partnerships contribute to your customer service role',
  'the principles and practices of delivering customer service to internal and external customers',
  'the responsibilities and rights that can be built into an internal customer and supplier relationship',
  'the advantages and disadvantages of describing a relationship in a service chain as a supplier and customer relationship or a service partnership',
  'how to establish your priorities when internal customer demands conflict with external customer demands',
  'how to maintain team identity whilst working collaboratively with other teams to deliver customer service',
  'how to negotiate successfully with internal customers and external service partners',
  'the formal and informal structures of your organisation and how they can influence relationships',
  'the methods used to build and maintain relationships with service partners and how to differ your approach to meet different communication styles',
  'how to use the available sources of information about external service partners and social media to develop positive working relationships',
  'the legal, organisational, codes of practice and policies relevant to your role and the activities being carried out',
];

/** The unit's 14 performance criteria and 12 knowledge items, in the standard's order. */
export const CRITERIA: readonly Criterion[] = [
  ...PERFORMANCE.map((text, i): Criterion => ({ code: `P${i + 1}`, kind: 'performance', text })),
  ...KNOWLEDGE.map((text, i): Criterion => ({ code: `K${i + 1}`, kind: 'knowledge', text })),
];

/** Each code's place in the standard's order. */
const PLACE = new Map<string, number>(CRITERIA.map((c, i) => [c.code, i]));

/** Whether a string is one of the unit's criterion codes. */
export function isCriterionCode(code: string): code is CriterionCode {
  return PLACE.has(code);
}

/**
 * Sorts codes in the standard's order (P1…P14, then K1…K12) without duplicates, leaving out any that is not
 * the unit's. An item has a few codes, and an export sorts every item's: sorting them is cheaper than walking
 * all 26.
 */
export function inStandardOrder(codes: Iterable<CriterionCode>): CriterionCode[] {
  return [...new Set(codes)].filter((c) => PLACE.has(c)).sort((a, b) => PLACE.get(a)! - PLACE.get(b)!);
}
