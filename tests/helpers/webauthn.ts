import crypto from "node:crypto";

/**
 * A software passkey authenticator for integration tests, which call better-auth's route handlers without a browser:
 * one P-256 key, "none" attestation, the WebAuthn JSON that navigator.credentials.create/get would hand the page.
 * Only what the passkey plugin verifies is built: client data, authenticator data, a COSE key, an ECDSA signature.
 */

/** The CBOR subset WebAuthn needs: unsigned and negative integers, byte and text strings, maps. */
function cbor(value: number | string | Uint8Array | Map<number | string, unknown>): Buffer {
  const head = (major: number, length: number): Buffer => {
    if (length < 24) return Buffer.from([(major << 5) | length]);
    if (length < 256) return Buffer.from([(major << 5) | 24, length]);
    return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  };
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  const entries = [...value.entries()].flatMap(([key, inner]) => [cbor(key), cbor(inner as Parameters<typeof cbor>[0])]);
  return Buffer.concat([head(5, value.size), ...entries]);
}

const b64url = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string): Buffer => crypto.createHash("sha256").update(data).digest();

export type SoftwarePasskey = {
  credentialId: string;
  /** The body of POST /passkey/verify-registration for the challenge of GET /passkey/generate-register-options. */
  registration: (challenge: string, origin: string, rpId: string) => { response: Record<string, unknown> };
  /** The body of POST /passkey/verify-authentication for the challenge of GET /passkey/generate-authenticate-options. */
  assertion: (challenge: string, origin: string, rpId: string) => { response: Record<string, unknown> };
};

export function createSoftwarePasskey(): SoftwarePasskey {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const rawId = crypto.randomBytes(16);
  const credentialId = b64url(rawId);
  let signCount = 0;

  const coseKey = cbor(
    new Map<number, unknown>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
  const authenticatorData = (rpId: string, flags: number, attested?: Buffer): Buffer => {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(++signCount);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counter, attested ?? Buffer.alloc(0)]);
  };
  const clientData = (type: string, challenge: string, origin: string): Buffer => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    credentialId,
    registration(challenge, origin, rpId) {
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(rawId.length);
      // Flags: user present, user verified, attested credential data included.
      const authData = authenticatorData(rpId, 0x45, Buffer.concat([Buffer.alloc(16), idLength, rawId, coseKey]));
      const attestationObject = cbor(new Map<string, unknown>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]));
      return {
        response: {
          id: credentialId,
          rawId: credentialId,
          type: "public-key",
          clientExtensionResults: {},
          authenticatorAttachment: "platform",
          response: { clientDataJSON: b64url(clientData("webauthn.create", challenge, origin)), attestationObject: b64url(attestationObject), transports: ["internal"] },
        },
      };
    },
    assertion(challenge, origin, rpId) {
      const authData = authenticatorData(rpId, 0x05);
      const client = clientData("webauthn.get", challenge, origin);
      const signature = crypto.sign("sha256", Buffer.concat([authData, sha256(client)]), privateKey);
      return {
        response: {
          id: credentialId,
          rawId: credentialId,
          type: "public-key",
          clientExtensionResults: {},
          authenticatorAttachment: "platform",
          response: { clientDataJSON: b64url(client), authenticatorData: b64url(authData), signature: b64url(signature) },
        },
      };
    },
  };
}
