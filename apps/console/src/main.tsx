import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

// the nonce the gateway put into this page and its Content-Security-Policy (apps/gateway console-static)
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined;
createRoot(document.getElementById('root')!).render(<App nonce={nonce === '__CSP_NONCE__' ? undefined : nonce} />);
