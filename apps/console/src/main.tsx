import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// the nonce the gateway put into this page and its Content-Security-Policy (apps/gateway console-static)
const meta = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content');
const nonce = meta && meta !== '__CSP_NONCE__' ? meta : undefined;

if (nonce) {
  // Ant Design's own styles get the nonce through ConfigProvider `csp`; a few helpers of its component
  // library (the modal's scroll lock, the scrollbar measure, a selector feature test) create <style>
  // elements without asking for it. The elements this bundle creates get the nonce; markup injected into
  // the page still cannot style it, because parsed markup does not go through createElement.
  const createElement = document.createElement.bind(document);
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = createElement(tagName, options);
    if (tagName.toLowerCase() === 'style') (element as HTMLStyleElement).nonce = nonce;
    return element;
  }) as typeof document.createElement;
}

createRoot(document.getElementById('root')!).render(<App nonce={nonce} />);
