// Passkeys on the patient portal: the browser's WebAuthn ceremonies against Spring Security's endpoints
// (/webauthn/register/options, /webauthn/register, /webauthn/authenticate/options, /login/webauthn), in the
// formats they read. A failure shows the page's message; the server has refused or audited what it had to.
(() => {
  const toBytes = (text) => {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  };
  const toText = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  const headers = () => {
    const header = document.querySelector('meta[name="csrf-header"]');
    const token = document.querySelector('meta[name="csrf-token"]');
    const all = { 'Content-Type': 'application/json' };
    if (header && token) {
      all[header.content] = token.content;
    }
    return all;
  };
  const post = async (url, body) => {
    const response = await fetch(url, { method: 'POST', headers: headers(), body: body ? JSON.stringify(body) : null });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    return response.json();
  };
  const show = (id) => { document.getElementById(id).hidden = false; };

  async function register(context, label) {
    const options = await post(`${context}webauthn/register/options`);
    const created = await navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: toBytes(options.challenge),
        user: { ...options.user, id: toBytes(options.user.id) },
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
      },
    });
    const result = await post(`${context}webauthn/register`, {
      publicKey: {
        label,
        credential: {
          id: created.id,
          rawId: toText(created.rawId),
          response: {
            attestationObject: toText(created.response.attestationObject),
            clientDataJSON: toText(created.response.clientDataJSON),
            transports: created.response.getTransports ? created.response.getTransports() : [],
          },
          type: created.type,
          clientExtensionResults: created.getClientExtensionResults(),
          authenticatorAttachment: created.authenticatorAttachment,
        },
      },
    });
    if (!result.success) {
      throw new Error('registration refused');
    }
  }

  async function signIn(context) {
    const options = await post(`${context}webauthn/authenticate/options`);
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: toBytes(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: toBytes(c.id) })),
      },
    });
    const result = await post(`${context}login/webauthn`, {
      id: credential.id,
      rawId: toText(credential.rawId),
      response: {
        authenticatorData: toText(credential.response.authenticatorData),
        clientDataJSON: toText(credential.response.clientDataJSON),
        signature: toText(credential.response.signature),
        userHandle: credential.response.userHandle ? toText(credential.response.userHandle) : undefined,
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment,
    });
    if (!result.authenticated) {
      throw new Error('sign-in refused');
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const supported = !!window.PublicKeyCredential;
    const form = document.getElementById('passkey-register');
    if (form) {
      if (!supported) {
        show('passkey-unsupported');
        form.hidden = true;
      }
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
          await register(form.dataset.context, document.getElementById('passkey-label').value.trim());
          window.location.reload();
        } catch (e) {
          show('passkey-error');
        }
      });
    }
    const button = document.getElementById('passkey-signin');
    if (button) {
      button.hidden = !supported;
      button.addEventListener('click', async () => {
        try {
          await signIn(button.dataset.context);
          window.location.href = `${button.dataset.context}portal`;
        } catch (e) {
          show('passkey-error');
        }
      });
    }
  });
})();
