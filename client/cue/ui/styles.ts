export const CSS =
  ".cue-root{position:relative;display:inline-block;font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2330}" +
  ".cue-root.cue-floating{position:fixed;right:20px;bottom:20px;z-index:2147483000}" +
  ".cue-bell{position:relative;display:inline-flex;align-items:center;justify-content:center;width:40px;height:40px;border:0;border-radius:50%;background:var(--cue-bell-bg,transparent);color:inherit;cursor:pointer}" +
  ".cue-floating .cue-bell{background:#fff;box-shadow:0 2px 10px rgba(0,0,0,.18)}" +
  ".cue-bell:hover{background:rgba(0,0,0,.06)}" +
  ".cue-bell:focus-visible,.cue-root button:focus-visible,.cue-layer button:focus-visible,.cue-layer a:focus-visible{outline:2px solid var(--cue-accent,#4f46e5);outline-offset:2px}" +
  ".cue-badge{position:absolute;top:2px;right:0;min-width:18px;height:18px;padding:0 5px;box-sizing:border-box;border-radius:9px;background:#e11d48;color:#fff;font-size:11px;font-weight:600;line-height:18px;text-align:center}" +
  ".cue-panel{position:absolute;right:0;top:calc(100% + 8px);width:360px;max-width:calc(100vw - 24px);max-height:480px;display:flex;flex-direction:column;background:#fff;border:1px solid #e4e6ec;border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.16);overflow:hidden;z-index:2147483001;text-align:left}" +
  ".cue-floating .cue-panel{top:auto;bottom:calc(100% + 8px)}" +
  ".cue-head{display:flex;align-items:center;gap:8px;padding:12px 14px;border-bottom:1px solid #eef0f4}" +
  ".cue-head h2{flex:1;margin:0;font-size:15px}" +
  ".cue-list{list-style:none;margin:0;padding:0;overflow:auto}" +
  ".cue-card{position:relative;padding:12px 14px 12px 26px;border-bottom:1px solid #f1f2f6;cursor:pointer}" +
  ".cue-card:hover{background:#fafbff}" +
  ".cue-card.cue-unread:before{content:'';position:absolute;left:11px;top:19px;width:8px;height:8px;border-radius:50%;background:var(--cue-accent,#4f46e5)}" +
  ".cue-card h3{margin:0 0 2px;font-size:14px}" +
  ".cue-card.cue-unread h3{font-weight:700}" +
  ".cue-card .cue-tools{position:absolute;right:8px;top:8px;display:none;gap:2px}" +
  ".cue-card:hover .cue-tools,.cue-card:focus-within .cue-tools{display:flex}" +
  ".cue-time{color:#8a90a2;font-size:12px}" +
  ".cue-body{color:#444a5c}.cue-body p{margin:0 0 6px}.cue-body a{color:var(--cue-accent,#4f46e5)}" +
  ".cue-img{display:block;max-width:100%;border-radius:8px;margin:6px 0}" +
  ".cue-cta{display:inline-block;margin-top:6px;padding:6px 12px;border-radius:8px;background:var(--cue-accent,#4f46e5);color:#fff!important;text-decoration:none;font-weight:600;border:0;cursor:pointer;font:inherit}" +
  ".cue-link{border:0;background:none;color:var(--cue-accent,#4f46e5);cursor:pointer;font:inherit;padding:4px}" +
  ".cue-x{border:0;background:none;color:#8a90a2;cursor:pointer;font-size:18px;line-height:1;padding:4px 6px;border-radius:6px}" +
  ".cue-x:hover{background:rgba(0,0,0,.06);color:#1f2330}" +
  ".cue-empty{padding:28px 16px;text-align:center;color:#8a90a2}" +
  ".cue-more{display:block;width:100%;padding:10px;border:0;background:#fafbff;color:var(--cue-accent,#4f46e5);cursor:pointer;font:inherit}" +
  ".cue-layer{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2330}" +
  ".cue-banners{position:relative;z-index:2147482990}" +
  ".cue-banner{display:flex;align-items:center;gap:12px;padding:10px 16px;background:var(--cue-accent,#4f46e5);color:#fff}" +
  ".cue-banner .cue-body{color:#fff;flex:1}.cue-banner .cue-body p{margin:0}.cue-banner a{color:#fff}" +
  ".cue-banner .cue-cta{margin:0;background:#fff;color:var(--cue-accent,#4f46e5)!important}" +
  ".cue-banner .cue-x{color:#fff}" +
  ".cue-overlay{position:fixed;inset:0;background:rgba(17,20,31,.5);display:flex;align-items:center;justify-content:center;z-index:2147483002;padding:16px}" +
  ".cue-modal{position:relative;width:440px;max-width:100%;max-height:90vh;overflow:auto;background:#fff;border-radius:14px;padding:24px;box-shadow:0 20px 60px rgba(0,0,0,.3)}" +
  ".cue-modal h2{margin:0 0 8px;font-size:20px}" +
  ".cue-modal .cue-x{position:absolute;right:10px;top:10px}" +
  ".cue-actions{display:flex;gap:8px;justify-content:flex-end;margin-top:16px}" +
  ".cue-tooltip{position:absolute;z-index:2147482995;width:280px;max-width:calc(100vw - 16px);box-sizing:border-box;padding:12px 14px;background:#1f2330;color:#fff;border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.25)}" +
  ".cue-tooltip:before{content:'';position:absolute;top:-6px;left:var(--cue-arrow,20px);border:6px solid transparent;border-top:0;border-bottom-color:#1f2330}" +
  ".cue-tooltip h3{margin:0 0 4px;font-size:14px}.cue-tooltip .cue-body{color:#d8dbe5}.cue-tooltip .cue-body a{color:#c7d2fe}" +
  ".cue-tooltip .cue-actions{margin-top:8px}.cue-tooltip .cue-link{color:#c7d2fe}" +
  "@media (prefers-reduced-motion:no-preference){.cue-panel,.cue-modal,.cue-tooltip,.cue-banner{animation:cue-in .16s ease-out}}" +
  "@keyframes cue-in{from{opacity:0;transform:translateY(4px)}to{opacity:1;transform:none}}";
export const BELL_SVG =
  '<svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9"/><path d="M13.7 21a2 2 0 0 1-3.4 0"/></svg>';
