import { render } from 'preact';
render(<p>우체국택배</p>, document.getElementById('app')!);
