// Passkeys: "Sign in with a passkey" and "Add a passkey". The server makes the WebAuthn options and checks the answer;
// this module only carries them between the server and navigator.credentials. Without it (or without WebAuthn in the
// browser) the passkey buttons stay hidden and password sign-in works as before.

const supported = typeof window.PublicKeyCredential === 'function' && !!navigator.credentials;

const fromBase64Url = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
};

const toBase64Url = (buffer) => {
    let binary = '';
    for (const byte of new Uint8Array(buffer)) {
        binary += String.fromCharCode(byte);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

// Browsers that predate PublicKeyCredential.parse*OptionsFromJSON need the binary fields decoded by hand.
const creationOptions = (json) => {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) {
        return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    return {
        ...json,
        challenge: fromBase64Url(json.challenge),
        user: { ...json.user, id: fromBase64Url(json.user.id) },
        excludeCredentials: (json.excludeCredentials ?? []).map((c) => ({ ...c, id: fromBase64Url(c.id) })),
    };
};

const requestOptions = (json) => {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) {
        return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    return {
        ...json,
        challenge: fromBase64Url(json.challenge),
        allowCredentials: (json.allowCredentials ?? []).map((c) => ({ ...c, id: fromBase64Url(c.id) })),
    };
};

const credentialJson = (credential) => {
    if (typeof credential.toJSON === 'function') {
        return JSON.stringify(credential.toJSON());
    }
    const response = credential.response;
    const encoded = { clientDataJSON: toBase64Url(response.clientDataJSON) };
    if (response.attestationObject) {
        encoded.attestationObject = toBase64Url(response.attestationObject);
        encoded.transports = response.getTransports?.() ?? [];
    } else {
        encoded.authenticatorData = toBase64Url(response.authenticatorData);
        encoded.signature = toBase64Url(response.signature);
        if (response.userHandle) {
            encoded.userHandle = toBase64Url(response.userHandle);
        }
    }
    return JSON.stringify({
        id: credential.id,
        rawId: toBase64Url(credential.rawId),
        type: credential.type,
        authenticatorAttachment: credential.authenticatorAttachment ?? undefined,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: encoded,
    });
};

class PasskeyProblem extends Error {}

// Asks the page for WebAuthn options; the antiforgery token goes in the header Razor Pages read it from.
const fetchOptions = async (form) => {
    const token = form.querySelector('input[name="__RequestVerificationToken"]')?.value ?? '';
    const response = await fetch(form.dataset.options, {
        method: 'POST',
        headers: { Accept: 'application/json', RequestVerificationToken: token },
        credentials: 'same-origin',
    });
    if (response.status === 429) {
        throw new PasskeyProblem('Too many attempts. Wait a minute, then try again.');
    }
    if (!response.ok) {
        throw new PasskeyProblem('The site could not start this. Reload the page and try again.');
    }
    return response.json();
};

const describe = (error) => {
    if (error instanceof PasskeyProblem) {
        return error.message;
    }
    if (error?.name === 'NotAllowedError' || error?.name === 'AbortError') {
        return 'No passkey was used. Try again when you are ready.';
    }
    if (error?.name === 'InvalidStateError') {
        return 'This device already holds a passkey for your account.';
    }
    return 'Your browser could not use a passkey here.';
};

const wire = (form, run) => {
    const message = form.querySelector('.passkey-message');
    const button = form.querySelector('[data-passkey-button]') ?? form.querySelector('button[type="submit"]');
    form.addEventListener('submit', async (event) => {
        if (form.dataset.ready === 'true') {
            return;
        }
        event.preventDefault();
        message.textContent = '';
        button.disabled = true;
        try {
            form.elements.namedItem('credential').value = await run(await fetchOptions(form));
            form.dataset.ready = 'true';
            form.requestSubmit();
        } catch (error) {
            message.textContent = describe(error);
            button.disabled = false;
        }
    });
};

if (supported) {
    for (const form of document.querySelectorAll('form[data-passkey="sign-in"]')) {
        form.hidden = false;
        wire(form, async (options) =>
            credentialJson(await navigator.credentials.get({ publicKey: requestOptions(options) })));
    }
    for (const form of document.querySelectorAll('form[data-passkey="create"]')) {
        form.querySelector('[data-passkey-unsupported]')?.remove();
        form.querySelector('[data-passkey-button]').hidden = false;
        wire(form, async (options) =>
            credentialJson(await navigator.credentials.create({ publicKey: creationOptions(options) })));
    }
}
