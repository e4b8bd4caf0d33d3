// SCIMMY + scimmy-routers on express, served on 127.0.0.1 at a free port, over a small
// in-memory User store of ours. SCIMMY parses every request, evaluates every filter and
// applies every PATCH itself; the store only keeps users and enforces the uniqueness rules a
// real service would (userName unique ignoring case, primary email unique ignoring case,
// externalId unique exactly). Prints SCIM_URL=… and SCIM_TOKEN=… (one line each), then
// serves until killed.
import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";

const token = randomBytes(24).toString("base64url");
const users = new Map(); // id → the stored user, as SCIMMY handed it in, plus id and meta

const conflict = (detail) => new SCIMMY.Types.Error(409, "uniqueness", detail);
const folded = (value) => (typeof value === "string" ? value.toLowerCase() : undefined);
const primaryEmail = (user) => {
  const emails = user.emails ?? [];
  return (emails.find((e) => e.primary) ?? emails[0])?.value;
};

// Refuses a user whose userName, primary email or externalId another user already holds.
function checkUnique(candidate, id) {
  const email = folded(primaryEmail(candidate));
  for (const other of users.values()) {
    if (other.id === id) continue;
    if (folded(other.userName) === folded(candidate.userName))
      throw conflict(`userName '${candidate.userName}' is already taken`);
    if (email !== undefined && folded(primaryEmail(other)) === email)
      throw conflict(`email '${primaryEmail(other)}' is already in use`);
    if (candidate.externalId !== undefined && other.externalId === candidate.externalId)
      throw conflict(`externalId '${candidate.externalId}' is already linked to another user`);
  }
}

SCIMMY.Resources.declare(SCIMMY.Resources.User)
  .egress((resource) => {
    if (resource.id) {
      const user = users.get(resource.id);
      if (!user) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
      return user;
    }
    const all = [...users.values()];
    return resource.filter ? resource.filter.match(all) : all;
  })
  .ingress((resource, instance) => {
    const now = new Date().toISOString();
    const existing = resource.id ? users.get(resource.id) : undefined;
    if (resource.id && !existing)
      throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
    const id = existing?.id ?? randomUUID();
    const user = {
      ...JSON.parse(JSON.stringify(instance)),
      id,
      meta: { created: existing?.meta.created ?? now, lastModified: now },
    };
    checkUnique(user, id);
    users.set(id, user);
    return user;
  })
  .degress((resource) => {
    if (!users.delete(resource.id))
      throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
  });

const expected = Buffer.from(`Bearer ${token}`);
const app = express();
app.use(
  "/scim/v2",
  new SCIMMYRouters({
    type: "bearer",
    handler: (request) => {
      const given = Buffer.from(request.header("Authorization") ?? "");
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new Error("Bearer token missing or not valid");
      return "scimctl-tests";
    },
  }),
);

const server = app.listen(0, "127.0.0.1", () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  process.stdout.write(`SCIM_URL=${base}/scim/v2\nSCIM_TOKEN=${token}\n`);
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
