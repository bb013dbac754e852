import { readConfig } from '../../src/lib/server/config';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../src/lib/server/auth/passwords';
import { generateSecureRandomString } from '../../src/lib/server/auth/tokens';
import { openDatabase } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { createInvite } from '../../src/lib/server/invites';
import { listUsers, resetPassword } from '../../src/lib/server/users';

// `npm run users -- <command>`: account chores for whoever runs the server, e.g. the day
// someone forgets their password. Works on DATABASE_PATH, beside a running server (WAL).

const USAGE = `Usage: npm run users -- <command>

Commands:
  list                             list all accounts
  invite [email]                   create an invitation link (valid 7 days, single use)
  reset-password <email>           set a new random password and print it
  reset-password <email> --stdin   read the new password from standard input

Environment: DATABASE_PATH (default ./data/narada.db); ORIGIN or PORT for the printed link.`;

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

async function main(argv: string[]): Promise<number> {
	const [command, ...args] = argv;
	if (!command || command === 'help' || command === '--help' || command === '-h') {
		console.log(USAGE);
		return command ? EXIT_OK : EXIT_USAGE;
	}
	if (!['list', 'invite', 'reset-password'].includes(command)) {
		console.error(`Unknown command: ${command}\n\n${USAGE}`);
		return EXIT_USAGE;
	}

	const config = readConfig();
	const { db, close } = openDatabase(config.databasePath, config.sqliteSynchronous);
	try {
		await migrateToLatest(db);
		if (command === 'list') {
			const users = await listUsers(db);
			if (users.length === 0) console.log('No accounts yet. Start the server and open it in a browser to create the administrator.');
			for (const user of users) {
				console.log([user.email, user.role, user.name, new Date(user.createdAt).toISOString()].join('\t'));
			}
			return EXIT_OK;
		}
		if (command === 'invite') {
			const email = args[0];
			if (args.length > 1 || (email && !email.includes('@'))) {
				console.error(`invite takes at most one e-mail address.\n\n${USAGE}`);
				return EXIT_USAGE;
			}
			const invite = await createInvite(db, { email: email ?? null, createdBy: null });
			const origin = config.origin ?? `http://localhost:${config.port}`;
			console.log(`${origin}/invite/${invite.token}`);
			console.error(`Valid until ${new Date(invite.expiresAt).toISOString()}${email ? ` for ${email}` : ''}.`);
			return EXIT_OK;
		}
		return await resetPasswordCommand(db, args);
	} finally {
		await close();
	}
}

async function resetPasswordCommand(db: ReturnType<typeof openDatabase>['db'], args: string[]): Promise<number> {
	const fromStdin = args.includes('--stdin');
	const rest = args.filter((a) => a !== '--stdin');
	if (rest.length !== 1) {
		console.error(`reset-password needs exactly one e-mail address.\n\n${USAGE}`);
		return EXIT_USAGE;
	}
	const password = fromStdin ? (await readStdin()).replace(/\r?\n$/, '') : generateSecureRandomString(20);
	if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
		console.error(`The password must be ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters long.`);
		return EXIT_FAILED;
	}
	// This process cannot reach the server's live connections; deleting the sessions makes them fail at their next check.
	const user = await resetPassword({ db }, rest[0], password);
	if (!user) {
		console.error(`No account with the e-mail address ${rest[0]}.`);
		return EXIT_FAILED;
	}
	if (fromStdin) console.log(`Password changed for ${user.email}; their sessions were signed out.`);
	else console.log(password);
	if (!fromStdin) console.error(`New password for ${user.email} printed above; their sessions were signed out.`);
	return EXIT_OK;
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

process.exitCode = await main(process.argv.slice(2));
