package app.cairn.lti;

import static app.cairn.shared.PlainPage.js;

/**
 * Scripts for the 1EdTech "LTI Client Side postMessages" storage: where the LMS frame blocks
 * third-party cookies, the browser secret of a login is kept in the platform's own frame instead.
 * Each script gives up after a short wait and continues, so a platform that does not answer
 * falls back to cookies (and then to the "open in a new window" page).
 */
final class PlatformStorageScripts {

    private static final String FRAME = "var f;try{f=t==='_parent'?window.parent:window.parent.frames[t];}catch(e){}";
    private static final String ID = "var id='cairn-'+Math.random().toString(36).slice(2);";

    private PlatformStorageScripts() {
    }

    static String putThenGo(String target, String origin, String state, String secret, String next) {
        return "(function(){var t=" + js(target) + ",o=" + js(origin) + ",go=" + js(next) + ";" + FRAME + ID
                + "var done=false;function n(){if(!done){done=true;window.location.href=go;}}"
                + "if(!f){n();return;}"
                + "window.addEventListener('message',function(ev){var d=ev.data||{};"
                + "if(ev.origin===o&&d.message_id===id&&d.subject==='lti.put_data.response'){n();}});"
                + "f.postMessage({subject:'lti.put_data',message_id:id,key:" + js(LtiController.LOGIN_COOKIE_PREFIX + state)
                + ",value:" + js(secret) + "},o);setTimeout(n,2000);})();";
    }

    static String getThenPost(String target, String origin, String state, String idToken) {
        return "(function(){var t=" + js(target) + ",o=" + js(origin) + ";" + FRAME + ID
                + "var done=false;function post(v){if(done)return;done=true;var fm=document.createElement('form');"
                + "fm.method='post';fm.action='/lti/launch';"
                + "[['id_token'," + js(idToken) + "],['state'," + js(state) + "],['lti_storage_secret',v]]"
                + ".forEach(function(p){var i=document.createElement('input');i.type='hidden';i.name=p[0];"
                + "i.value=p[1];fm.appendChild(i);});document.body.appendChild(fm);fm.submit();}"
                + "if(!f){post('');return;}"
                + "window.addEventListener('message',function(ev){var d=ev.data||{};"
                + "if(ev.origin===o&&d.message_id===id&&d.subject==='lti.get_data.response'){post(d.value||'');}});"
                + "f.postMessage({subject:'lti.get_data',message_id:id,key:"
                + js(LtiController.LOGIN_COOKIE_PREFIX + state) + "},o);setTimeout(function(){post('');},3000);})();";
    }
}
