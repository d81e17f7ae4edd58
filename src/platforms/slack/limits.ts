import type { KnownBlock, TextObject } from '@slack/types';

/**
 * Slack's Block Kit limits, in one place (https://docs.slack.dev/reference/block-kit).
 * The renderer stays within them; `checkMessage` proves it in tests and before each post.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  buttonUrl: 3000,
  /** Slack truncates a message's top-level `text` at 40,000; we keep the fallback far shorter. */
  fallbackText: 3000,
  /** A response_url accepts at most five messages. */
  responsesPerUrl: 5,
} as const;

/** A message as the renderer produces it: blocks plus the plain fallback for notifications. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

function checkText(problems: string[], where: string, text: TextObject | undefined, max: number): void {
  if (!text) return;
  if (text.text.trim().length === 0) problems.push(`${where}: empty text`);
  if (text.text.length > max) problems.push(`${where}: text has ${text.text.length} characters (limit ${max})`);
}

function checkId(problems: string[], where: string, id: string | undefined, max: number): void {
  if (id !== undefined && (id.length === 0 || id.length > max)) problems.push(`${where}: id has ${id.length} characters (limit 1–${max})`);
}

/** Every way a message breaks Block Kit's limits, one line each; empty when it is valid. */
export function checkMessage(message: SlackMessage): string[] {
  const problems: string[] = [];
  const L = SLACK_LIMITS;
  if (message.text.length === 0) problems.push('text: empty fallback text');
  if (message.text.length > L.fallbackText) problems.push(`text: ${message.text.length} characters (limit ${L.fallbackText})`);
  if (message.blocks.length === 0) problems.push('blocks: none');
  if (message.blocks.length > L.blocksPerMessage) problems.push(`blocks: ${message.blocks.length} (limit ${L.blocksPerMessage})`);
  const actionIds = new Set<string>();
  message.blocks.forEach((block, i) => {
    const where = `blocks[${i}] (${block.type})`;
    checkId(problems, where, block.block_id, L.blockId);
    switch (block.type) {
      case 'header':
        if (block.text.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
        checkText(problems, where, block.text, L.headerText);
        break;
      case 'section':
        if (!block.text && !block.fields?.length) problems.push(`${where}: needs text or fields`);
        checkText(problems, where, block.text, L.sectionText);
        if ((block.fields?.length ?? 0) > L.sectionFields) problems.push(`${where}: ${block.fields?.length} fields (limit ${L.sectionFields})`);
        block.fields?.forEach((field, j) => checkText(problems, `${where}.fields[${j}]`, field, L.sectionFieldText));
        break;
      case 'context':
        if (block.elements.length === 0 || block.elements.length > L.contextElements) {
          problems.push(`${where}: ${block.elements.length} elements (limit 1–${L.contextElements})`);
        }
        block.elements.forEach((element, j) => {
          if (element.type === 'mrkdwn' || element.type === 'plain_text') checkText(problems, `${where}.elements[${j}]`, element, L.contextText);
        });
        break;
      case 'actions':
        if (block.elements.length === 0 || block.elements.length > L.actionsElements) {
          problems.push(`${where}: ${block.elements.length} elements (limit 1–${L.actionsElements})`);
        }
        block.elements.forEach((element, j) => {
          const at = `${where}.elements[${j}]`;
          if (element.type !== 'button') return;
          checkText(problems, at, element.text, L.buttonText);
          checkId(problems, at, element.action_id, L.actionId);
          if (element.value !== undefined && element.value.length > L.buttonValue)
            problems.push(`${at}: value has ${element.value.length} characters (limit ${L.buttonValue})`);
          if (element.url !== undefined && element.url.length > L.buttonUrl)
            problems.push(`${at}: url has ${element.url.length} characters (limit ${L.buttonUrl})`);
          if (element.action_id !== undefined) {
            // Slack rejects a message whose interactive elements share an action_id.
            if (actionIds.has(element.action_id)) problems.push(`${at}: action_id "${element.action_id}" is used twice`);
            actionIds.add(element.action_id);
          }
        });
        break;
      default:
        break;
    }
  });
  return problems;
}

/** Where Slack sends signed requests (slash commands, buttons); the manifest names it. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** "Add to Slack" mode: the page with the install link, and where Slack sends the browser back. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';
