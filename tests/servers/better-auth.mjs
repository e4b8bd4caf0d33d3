// better-auth with its in-memory adapter and the @better-auth/scim plugin, served on
// 127.0.0.1 at a free port. The SCIM bearer token is the plugin's own: a managed connection
// created through its trusted server API by an admin who signed up here. Prints
// SCIM_URL=… and SCIM_TOKEN=… (one line each), then serves until killed. Nothing in the
// plugin's behaviour is changed: its 409s are its own.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { memoryAdapter } from "@better-auth/memory-adapter";
import { getAuthTables } from "@better-auth/core/db";
import { scim } from "@better-auth/scim";
import { betterAuth } from "better-auth";
import { toNodeHandler } from "better-auth/node";

const scimPlugin = scim({
  connections: [],
  managedConnections: { credentialHashSecret: randomBytes(32).toString("hex") },
});

const server = createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const options = {
  baseURL: base,
  secret: randomBytes(32).toString("hex"),
  emailAndPassword: { enabled: true },
  plugins: [scimPlugin],
  telemetry: { enabled: false },
  logger: { disabled: true },
};
const db = Object.fromEntries(Object.values(getAuthTables(options)).map((t) => [t.modelName, []]));
const auth = betterAuth({ ...options, database: memoryAdapter(db) });
server.on("request", toNodeHandler(auth));

const admin = await auth.api.signUpEmail({
  body: { email: "admin@example.test", password: randomBytes(18).toString("base64url"), name: "Admin" },
});
const { token } = await auth.api.createSCIMManagedConnection({
  body: {
    creationRequestId: randomUUID(),
    provisioningDomainId: "scimctl-tests",
    actorId: admin.user.id,
    scopes: ["scim.users.read", "scim.users.write", "scim.groups.read", "scim.groups.write"],
    expiresAt: new Date(Date.now() + 24 * 3600 * 1000),
  },
});

process.stdout.write(`SCIM_URL=${base}/api/auth/scim/v2\nSCIM_TOKEN=${token}\n`);
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
