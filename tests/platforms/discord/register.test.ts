import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../../src/cli/discord.js';
import { commands } from '../../../src/commands/index.js';
import { UserError } from '../../../src/errors.js';
import { applicationCommands, invitePermissions, inviteUrl, registerCommands } from '../../../src/platforms/discord/commands.js';
import { createRest } from '../../../src/platforms/discord/post.js';
import { FakeDiscordApi } from '../../fakes/discord-api.js';
import { fakeIds } from '../../fakes/discord-gateway.js';

describe('Discord command registration', () => {
  let api: FakeDiscordApi;
  beforeEach(async () => {
    api = await new FakeDiscordApi().start();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await api.close();
  });

  it('builds /digest, /article, /summary and /newsdigest from the platform-neutral definitions', () => {
    const built = applicationCommands(commands);
    expect(built.map((c) => c.name)).toEqual(['digest', 'article', 'summary', 'newsdigest']);
    const article = built.find((c) => c.name === 'article')!;
    expect(article.options).toEqual([expect.objectContaining({ name: 'query', type: 3, required: true, autocomplete: true })]);
    const digest = built.find((c) => c.name === 'digest')!;
    expect(digest.options?.map((o) => [o.name, o.type])).toEqual([
      ['when', 3],
      ['share', 5],
    ]);
    // /newsdigest: native subcommands (type 1), shown by default to members with Manage Channels (16).
    const setup = built.find((c) => c.name === 'newsdigest')!;
    expect(setup.default_member_permissions).toBe('16');
    expect(setup.options?.every((o) => o.type === 1)).toBe(true);
    expect(setup.options?.map((o) => o.name)).toEqual([
      'status',
      'sources',
      'subscribe',
      'unsubscribe',
      'schedule',
      'filter',
      'max',
      'pause',
      'resume',
      'help',
    ]);
    const schedule = setup.options?.find((o) => o.name === 'schedule') as { options?: { name: string; required?: boolean }[] };
    expect(schedule.options?.map((o) => [o.name, o.required ?? false])).toEqual([
      ['time', true],
      ['zone', false],
      ['days', false],
      ['cron', false],
    ]);
    // The others stay open to everyone.
    expect(built.filter((c) => c.name !== 'newsdigest').map((c) => c.default_member_permissions)).toEqual([undefined, undefined, undefined]);
  });

  it('bulk-overwrites the commands of one server, or globally', async () => {
    const rest = createRest({ token: 'test-token', apiUrl: api.apiUrl });
    await registerCommands(rest, fakeIds.application, commands, fakeIds.guild);
    await registerCommands(rest, fakeIds.application, commands);
    const puts = api.requestsTo('PUT', '/commands');
    expect(puts.map((p) => p.path)).toEqual([
      `/api/v10/applications/${fakeIds.application}/guilds/${fakeIds.guild}/commands`,
      `/api/v10/applications/${fakeIds.application}/commands`,
    ]);
    expect(puts[0]!.body.map((c: { name: string }) => c.name)).toEqual(['digest', 'article', 'summary', 'newsdigest']);
  });

  it('explains a server the bot was not invited to', async () => {
    api.failNext({ method: 'PUT', status: 403, body: { message: 'Missing Access', code: 50001 } });
    const rest = createRest({ token: 'test-token', apiUrl: api.apiUrl });
    const error = await registerCommands(rest, fakeIds.application, commands, fakeIds.guild).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `could not register the Discord commands in server ${fakeIds.guild}: the bot is not in server ${fakeIds.guild} or was invited without the applications.commands scope; invite it with the URL in docs/discord.md`,
    );
  });

  it('runs as `newsdigest discord register --guild ID` with the secrets from the environment', async () => {
    vi.stubEnv('DISCORD_TOKEN', 'cli-token');
    vi.stubEnv('DISCORD_APPLICATION_ID', fakeIds.application);
    vi.stubEnv('DISCORD_API_URL', api.apiUrl);
    const output: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['discord', 'register', '--guild', fakeIds.guild], { from: 'user' });
    const [put] = api.requestsTo('PUT', `/guilds/${fakeIds.guild}/commands`);
    expect(put!.headers.authorization).toBe('Bot cli-token');
    expect(output.join('')).toBe(`Registered /digest, /article, /summary, /newsdigest in server ${fakeIds.guild}.\n`);
  });

  it('removes the commands with --clear', async () => {
    vi.stubEnv('DISCORD_TOKEN', 'cli-token');
    vi.stubEnv('DISCORD_APPLICATION_ID', fakeIds.application);
    vi.stubEnv('DISCORD_API_URL', api.apiUrl);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['discord', 'register', '--guild', fakeIds.guild, '--clear'], { from: 'user' });
    expect(api.requestsTo('PUT', `/guilds/${fakeIds.guild}/commands`)[0]!.body).toEqual([]);
  });

  it('says which secret or argument is wrong, before calling Discord', async () => {
    vi.stubEnv('DISCORD_TOKEN', '');
    vi.stubEnv('DISCORD_APPLICATION_ID', fakeIds.application);
    const program = new Command().exitOverride();
    register(program);
    await expect(program.parseAsync(['discord', 'register'], { from: 'user' })).rejects.toThrow(/^DISCORD_TOKEN is not set/);
    vi.stubEnv('DISCORD_TOKEN', 'cli-token');
    await expect(program.parseAsync(['discord', 'register', '--guild', 'my-server'], { from: 'user' })).rejects.toThrow(
      /^--guild "my-server" is not a server id/,
    );
    expect(api.requests).toHaveLength(0);
  });

  it('prints an invite URL with both scopes and the permissions integer', () => {
    expect(invitePermissions).toBe(84992n);
    const url = new URL(inviteUrl(fakeIds.application));
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('84992');
    expect(url.searchParams.get('client_id')).toBe(fakeIds.application);
  });
});
