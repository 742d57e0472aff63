import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>Mon_PS Desk</div>);
