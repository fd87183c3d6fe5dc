#!/usr/bin/env python3
"""Generates src/Runway/Models/Generated/*.g.cs from the SDK's own declarations (tests/conformance/node_modules/
@runwayml/sdk/resources/*.d.ts, installed by `npm ci` in tests/conformance): every model of every create endpoint
whose declaration has one interface per model. Types and required-ness come from the interfaces; ranges, lengths,
counts and defaults from the declarations' own sentences (parsed below); nothing else is added.

  python3 src/tools/sdk-fields.py            rewrites the generated files
  python3 src/tools/sdk-fields.py --check    exits 1 naming every generated file that differs (CI: tests/Generated.Tests.ps1)
"""
import argparse, os, re, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
DECLARATIONS = os.path.join(ROOT, 'tests', 'conformance', 'node_modules', '@runwayml', 'sdk', 'resources')
OUTPUT = os.path.join(ROOT, 'src', 'Runway', 'Models', 'Generated')
COMMAND = 'python3 src/tools/sdk-fields.py'

# Each endpoint whose create params are a union of one interface per model: (path below /v1/, declaration file, params type).
SOURCES = [('image_to_video', 'image-to-video', 'ImageToVideoCreateParams'),
           ('text_to_video', 'text-to-video', 'TextToVideoCreateParams'),
           ('video_to_video', 'video-to-video', 'VideoToVideoCreateParams'),
           ('text_to_image', 'text-to-image', 'TextToImageCreateParams'),
           ('text_to_speech', 'text-to-speech', 'TextToSpeechCreateParams'),
           ('speech_to_speech', 'speech-to-speech', 'SpeechToSpeechCreateParams'),
           ('sound_effect', 'sound-effect', 'SoundEffectCreateParams')]

# Every other create endpoint: its declaration states its fields once (no per-model union, or a union the module
# builds by hand). Their models and literal values go into Declarations.g.cs. (path below /v1/, file, params type)
TASKS = [('image_upscale', 'image-upscale', 'ImageUpscaleCreateParams'),
         ('video_upscale', 'video-upscale', 'VideoUpscaleCreateParams'),
         ('video_to_hdr', 'video-to-hdr', 'VideoToHdrCreateParams'),
         ('character_performance', 'character-performance', 'CharacterPerformanceCreateParams'),
         ('voice_dubbing', 'voice-dubbing', 'VoiceDubbingCreateParams'),
         ('voice_isolation', 'voice-isolation', 'VoiceIsolationCreateParams'),
         ('avatar_videos', 'avatar-videos', 'AvatarVideoCreateParams')]
# The recipes (POST /v1/recipes/{name}): no model; the recipe's name is the path.
RECIPES = ['ad_localization', 'marketing_stock_image', 'multi_shot_video', 'product_ad', 'product_campaign_image',
           'product_swap', 'product_ugc']

MEDIA = re.compile(r'^A HTTPS URL, Runway upload URI, or base64 data URI \(e\.g\. `data:(\w+)/[^`]*`, up to 5MB\) '
                   r'containing an encoded (?:image|video|audio)(?: file)?\.(?: See \[our docs\]\([^)]*\) on \w+ inputs for more information\.)?')
MODERATION = 'Settings that affect the behavior of the content moderation system.'
SEED = 'If unspecified, a random number is chosen. Varying the seed integer is a way to get different results for the same other request parameters. Using the same seed integer for an identical request will produce similar results.'


def comment_text(lines):
    """A JSDoc block as one line: the declarations' own words, with the two boilerplate sentences shortened."""
    text = ' '.join(re.sub(r'^\*\s?', '', l.strip()).strip() for l in lines)
    text = re.sub(r'\s+', ' ', text).strip()
    m = MEDIA.match(text)
    if m:
        rest = text[m.end():].strip()
        text = f'media: {m.group(1)} (https URL, runway:// upload URI, or data URI ≤ 5MB)' + (' ' + rest if rest else '')
    if text == SEED:
        text = 'random when unspecified (range: see notes)'
    if text == MODERATION:
        text = ''
    return text


def qualified(stack, params):
    """An interface's name as the fields' types write it: below the params namespace (its own name for a single interface)."""
    names = [n for _, n in stack]
    return '.'.join(names[1:]) if len(names) > 1 else names[0]


def interfaces(text, params):
    """The interfaces of the `export declare namespace <params>` block: qualified name -> [(field, type, required, note)], in order."""
    single = f'export interface {params} {{'
    start = text.index(single) if single in text else text.index(f'export declare namespace {params} {{')
    found, stack, comment, pending, ended = {}, [], None, '', False
    for line in text[start:].splitlines():
        s = line.strip()
        if ended and not s.startswith(f'export declare namespace {params} {{'):
            break  # a single interface without a namespace of its own
        ended = False
        if comment is not None:
            comment.append(s.rstrip('*/').rstrip() if s.endswith('*/') else s)
            if s.endswith('*/'):
                pending, comment = comment_text(comment[:-1] + ([comment[-1]] if comment[-1] not in ('', '*') else [])), None
            continue
        if s.startswith('/**'):
            body = s[3:]
            if body.endswith('*/'):
                pending = comment_text([body[:-2]])
            else:
                comment = [body] if body.strip() else []
            continue
        m = re.match(r'^(?:export )?(?:declare )?(interface|namespace) (\w+) \{$', s)
        if m:
            stack.append((m.group(1), m.group(2)))
            if m.group(1) == 'interface':
                found[qualified(stack, params)] = []
            pending = ''
            continue
        if s == '}':
            kind, _ = stack.pop()
            if not stack and kind == 'namespace':
                break
            ended = not stack
            continue
        m = re.match(r'^(\w+)(\??): (.*);$', s)
        if m and stack and stack[-1][0] == 'interface':
            found[qualified(stack, params)].append((m.group(1), m.group(3), not m.group(2), pending))
            pending = ''
            continue
        if s:
            raise SystemExit(f'{params}: unexpected declaration line: {s}')
    return found


def members(text, params):
    """The interfaces of a create params type: each member of its union, or the one interface."""
    union = re.search(rf'export type {params} = ([^;]+);', text)
    found = interfaces(text, params)
    return found, ([u.strip().split('.', 1)[1] for u in union.group(1).split('|')] if union else [params])


def declared_model(fields):
    return next((t.strip("'") for f, t, _, _ in fields if f == 'model'), None)


def parse():
    models = []
    for endpoint, file, params in SOURCES:
        text = open(os.path.join(DECLARATIONS, file + '.d.ts'), encoding='utf-8').read()
        found, names = members(text, params)
        for member in names:
            fields = found[member]
            model = declared_model(fields)
            nested = {}
            for name, rows in found.items():
                if name.startswith(member + '.'):
                    nested[name] = '; '.join(f'{f}{"" if req else "?"}: `{t}`' + (f' — {n}' if n else '') for f, t, req, n in rows)
            models.append({'model': model, 'endpoint': endpoint,
                           'rows': [(f, t, req, n) for f, t, req, n in fields if f != 'model'], 'nested': nested})
    return models

ENDPOINTS = {'image_to_video': 'ImageToVideo', 'text_to_video': 'TextToVideo', 'video_to_video': 'VideoToVideo',
             'text_to_image': 'TextToImage', 'text_to_speech': 'TextToSpeech', 'speech_to_speech': 'SpeechToSpeech',
             'sound_effect': 'SoundEffect'}
# One PowerShell name per meaning, whatever the model; fields not listed here are -Option keys (their JSON name).
PARAMETERS = {'promptText': 'Prompt', 'ratio': 'Ratio', 'duration': 'Duration', 'seed': 'Seed', 'audio': 'Audio',
              'contentModeration': 'PublicFigureThreshold', 'promptImage': 'Image', 'promptVideo': 'Video',
              'videoUri': 'Video', 'references': 'ReferenceImage', 'referenceImages': 'ReferenceImage',
              'referenceAudio': 'ReferenceAudio', 'referenceAudios': 'ReferenceAudio', 'referenceVideos': 'ReferenceVideo',
              'negativePrompt': 'NegativePrompt', 'resolution': 'Resolution', 'outputFormat': 'OutputFormat',
              'proresProfile': 'ProResProfile', 'outputCount': 'OutputCount', 'quality': 'Quality',
              'background': 'Background', 'keyframes': 'Keyframe', 'voice': 'Voice', 'media': 'Audio',
              'removeBackgroundNoise': 'RemoveBackgroundNoise', 'loop': 'Loop'}
WORDS = {'one': 1, 'two': 2, 'three': 3, 'four': 4, 'five': 5}

def cs(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def num(s):
    return float(s.replace(',', ''))

def literals(t):
    parts = [p.strip() for p in t.split('|')]
    if all(re.fullmatch(r"'[^']*'", p) for p in parts):
        return [p[1:-1] for p in parts], False
    if all(re.fullmatch(r'-?\d+(\.\d+)?', p) for p in parts):
        return parts, True
    return None, False

def rule(model, endpoint, name, t, req, note, nested):
    props = {'Json': cs(name), 'Required': 'true' if req else None}
    param = PARAMETERS.get(name)
    if name == 'promptText' and endpoint == 'text_to_speech':
        param = 'Text'
    if param:
        props['Parameter'] = cs(param)
    sub = None
    m = re.search(r'<([\w.]+)>', t) or re.fullmatch(r'([\w.]+)', t)
    if m:
        sub = nested.get(m.group(1))
    vals, numeric = literals(t)
    if name == 'contentModeration':
        kind = 'ContentModeration'
        props['Values'] = 'new[] { "auto", "low" }'
    elif name == 'promptImage':
        kind = 'PromptImage'
        if sub is None:  # Array<unknown>: keyframes (first/last) or references (no position), per the sentence
            props['Positions'] = 'new[] { "first", "last" }'
            props['PositionOptional'] = 'true'
        else:
            pm = re.search(r"position(\??): `([^`]*)`", sub)
            pos, _ = literals(pm.group(2))
            props['Positions'] = 'new[] { ' + ', '.join(cs(p) for p in pos) + ' }'
            if pm.group(1):
                props['PositionOptional'] = 'true'
        side = re.search(r'at least (\d+) pixels on both sides', note)
        if side:
            props['MinSidePixels'] = side.group(1)
    elif name == 'keyframes':
        kind = 'Keyframes'
        props['MaxItems'] = '5'
    elif name == 'voice':
        kind = 'Voice'
        props['ItemType'] = cs('reference-audio' if 'reference-audio' in (sub or '') else 'runway-preset')
    elif name == 'media':
        kind = 'SpeechMedia'
        # New-RunwaySpeech takes the media as -Audio or -Video (the media object's type follows the parameter).
        props['AlsoParameters'] = 'new[] { "Video" }'
    elif vals is not None:
        kind = 'Choice'
        props['Values'] = 'new[] { ' + ', '.join(cs(v) for v in vals) + ' }'
        if numeric:
            props['NumericValues'] = 'true'
        dep = re.findall(r'`(\w+)` - Deprecated', note)
        if dep:
            props['Deprecated'] = 'new[] { ' + ', '.join(cs(d) for d in dep) + ' }'
    elif t.startswith("'") and '(string & {})' in t:
        kind = 'Choice'
        vals = re.findall(r"'([^']*)'", t)
        props['Values'] = 'new[] { ' + ', '.join(cs(v) for v in vals) + ' }'
        m2 = re.search(r'between (\d+) and (\d+) pixels', note)
        props['FreeformMinPixels'] = m2.group(1)
        props['FreeformMaxPixels'] = m2.group(2)
    elif t in ('number', "number | 'auto'", "'auto' | number"):
        kind = 'Number' if t == 'number' else 'NumberOrAuto'
        rng = (re.search(r'integer from (\d+) to (\d+)', note) or re.search(r'whole number from (\d+) to (\d+)', note))
        if rng:
            props['Integer'] = 'true'
        rng = rng or re.search(r'between (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)', note) or re.search(r'\(([\d.]+)[–-]([\d.]+)\)', note)
        if rng:
            props['Min'], props['Max'] = rng.group(1), rng.group(2)
            if name in ('outputCount', 'seed'):
                props['Integer'] = 'true'
        if name == 'seed':
            # The range is stated only for eleven_v3; the reference's 0–4294967295 holds for the others (see notes).
            props['Min'], props['Max'], props['Integer'] = '0', '4294967295', 'true'
        if name == 'outputCount':
            props['Integer'] = 'true'
            props.setdefault('Min', '1')
        if name == 'duration' and 'Min' not in props:
            props['Min'] = '0'
            props['MinExclusive'] = 'true'
        d = re.search(r'Defaults to (\d+(\.\d+)?)\.', note)
        if d:
            props['Default'] = cs(d.group(1))
    elif t == 'boolean':
        kind = 'Boolean'
    elif t == 'string' and note.startswith('media:'):
        kind = 'Media'
        props['Media'] = 'MediaKind.' + note.split()[1].capitalize()
    elif t == 'string':
        kind = 'Text'
        if name in ('promptText',) or 'non-empty' in note.lower() or 'A non-empty' in note:
            if 'non-empty' in note:
                props['MinLength'] = '1'
        ml = re.search(r'up to ([\d,]+) characters', note)
        if ml:
            props['MaxLength'] = str(int(num(ml.group(1))))
    elif t.startswith('Array<'):
        kind = 'MediaList'
        if t == 'Array<string>':
            props['Media'] = 'MediaKind.Audio'
            props['PlainItems'] = 'true'
        else:
            mk = re.search(r'media: (\w+)', sub)
            props['Media'] = 'MediaKind.' + mk.group(1).capitalize()
            ty = re.search(r"type: `'(\w+)'`", sub)
            if ty:
                props['ItemType'] = cs(ty.group(1))
            if 'tag?:' in sub:
                props['Tags'] = 'true'
            if 'subject?:' in sub:
                props['Subjects'] = 'true'
        low = note.lower()
        mi = re.search(r'up to (\d+|one|two|three|four|five)\b', low)
        if mi:
            props['MaxItems'] = str(WORDS.get(mi.group(1)) or int(mi.group(1)))
        mo = re.search(r'of (one|two|three) to (\w+) images', low)
        if mo:
            props['MinItems'] = str(WORDS[mo.group(1)])
            props['MaxItems'] = str(WORDS[mo.group(2)])
        tot = re.search(r'(?:combined duration|total combined duration)[^.]*?(?:exceed|less than) (\d+) seconds', note)
        if tot:
            props['MaxTotalSeconds'] = tot.group(1)
            if 'less than' in note[tot.start():tot.end()]:
                props['TotalSecondsExclusive'] = 'true'
        each = re.search(r'each clip must be between (\d+) and (\d+) seconds', note)
        if each:
            props['MinItemSeconds'], props['MaxItemSeconds'] = each.group(1), each.group(2)
        if 'No two images may share the same tag' in note:
            props['UniqueTags'] = 'true'
    else:
        raise SystemExit(f'unhandled type {t} for {model}/{name}')
    props['Kind'] = 'FieldKind.' + kind
    short = re.sub(r'\s+', ' ', note).strip()
    if short and not short.startswith('media:') and not short.startswith('random when'):
        props['Note'] = cs(short)
    order = ['Json', 'Parameter', 'AlsoParameters', 'Kind', 'Required', 'Values', 'NumericValues', 'Deprecated', 'Integer', 'Min', 'MinExclusive', 'Max',
             'MinLength', 'MaxLength', 'Media', 'ItemType', 'PlainItems', 'Tags', 'UniqueTags', 'Subjects', 'MinItems', 'MaxItems',
             'MaxTotalSeconds', 'TotalSecondsExclusive', 'MinItemSeconds', 'MaxItemSeconds', 'Positions', 'PositionOptional',
             'FreeformMinPixels', 'FreeformMaxPixels', 'MinSidePixels', 'Default', 'Note']
    body = ', '.join(f'{k} = {props[k]}' for k in order if props.get(k) is not None)
    return f'new FieldRule {{ {body} }}'


def literal_values(t):
    """The values of a union of string or number literals, else None."""
    parts = [p.strip() for p in t.split('|')]
    if all(re.fullmatch(r"'[^']*'", p) or re.fullmatch(r'-?\d+(\.\d+)?', p) for p in parts):
        return [p.strip("'") for p in parts]
    return None


def resolve(ref, context, found, params):
    """The interface a type reference names, seen from the interface `context` (TypeScript's scoping, enough of it)."""
    ref = ref[len(params) + 1:] if ref.startswith(params + '.') else ref
    scope = context.split('.')
    for i in range(len(scope), -1, -1):
        name = '.'.join(scope[:i] + [ref])
        if name in found:
            return name
    return None


def values_of(member, found, params, prefix=''):
    """(path, values) of every field with literal values, nested fields as parent.child (merged across union members)."""
    out = {}
    for field, t, _, _ in found[member]:
        if field == 'model':
            continue
        path = prefix + field
        vals = literal_values(t)
        if vals is not None:
            out.setdefault(path, [])
            out[path] += [v for v in vals if v not in out[path]]
            continue
        for ref in re.findall(r'[A-Za-z_][\w.]*', t):
            target = resolve(ref, member, found, params)
            if target and target != member:
                for p, v in values_of(target, found, params, path + '.').items():
                    out.setdefault(p, [])
                    out[p] += [x for x in v if x not in out[p]]
    return out


def declarations():
    """Every create endpoint's declared models and literal values, for the endpoints the module builds by hand."""
    rows, pairs = [], []
    sources = [(e, f, p) for e, f, p in SOURCES + TASKS]
    sources += [('recipes/' + r, 'recipes', 'Recipe' + ''.join(w.capitalize() for w in r.split('_')) + 'Params') for r in RECIPES]
    for endpoint, file, params in sources:
        text = open(os.path.join(DECLARATIONS, file + '.d.ts'), encoding='utf-8').read()
        found, names = members(text, params)
        for member in names:
            if endpoint in [e for e, _, _ in SOURCES]:
                continue  # their models and values are in GenerationFields (a model added there changes that file alone)
            model = declared_model(found[member]) or ''
            if model and (endpoint, model) not in pairs:
                pairs.append((endpoint, model))
            for path, vals in values_of(member, found, params).items():
                existing = next((r for r in rows if r[0] == endpoint and r[1] == model and r[2] == path), None)
                if existing:
                    existing[3].extend(v for v in vals if v not in existing[3])
                else:
                    rows.append((endpoint, model, path, list(vals)))
    out = [f'// <auto-generated> by {COMMAND} from the SDK declarations (tests/conformance/node_modules/@runwayml/sdk/resources): do not edit by hand.',
           'namespace Runway.Models', '{',
           '    /// <summary>What the SDK declarations state for the create endpoints outside <see cref="GenerationFields"/>: their models and literal values.</summary>',
           '    internal static partial class Declarations', '    {',
           '        /// <summary>Every (endpoint, model) pair of those declarations, in declaration order (recipes declare no model).</summary>',
           '        public static readonly (string Endpoint, string Model)[] Models =', '        {']
    out += [f'            ({cs(e)}, {cs(m)}),' for e, m in pairs]
    out += ['        };', '',
            '        /// <summary>Each field with literal values (nested fields as parent.child); Model is "" when the body has none.</summary>',
            '        public static readonly (string Endpoint, string Model, string Field, string[] Values)[] Values =', '        {']
    out += [f'            ({cs(e)}, {cs(m)}, {cs(p)}, new[] {{ {", ".join(cs(v) for v in vals)} }}),' for e, m, p, vals in rows]
    out += ['        };', '    }', '}', '']
    return '\n'.join(out)


def generated():
    models = parse()
    out = [f'// <auto-generated> by {COMMAND} from the SDK declarations (tests/conformance/node_modules/@runwayml/sdk/resources): do not edit by hand.',
           'namespace Runway.Models', '{',
           '    /// <summary>Every field each model takes on each endpoint, as the SDK declarations state it.</summary>',
           '    internal static partial class GenerationFields', '    {',
           '        public static readonly (string Model, string Endpoint, FieldRule[] Fields)[] Rows =', '        {']
    for m in models:
        out.append(f'            ({cs(m["model"])}, Endpoints.{ENDPOINTS[m["endpoint"]]}, new[]')
        out.append('            {')
        for r in m['rows']:
            out.append('                ' + rule(m['model'], m['endpoint'], *r, m['nested']) + ',')
        out.append('            }),')
    out += ['        };', '    }', '}', '']
    return {'GenerationFields.g.cs': '\n'.join(out), 'Declarations.g.cs': declarations()}


def main():
    parser = argparse.ArgumentParser(description='Generates the field tables from the SDK declarations.')
    parser.add_argument('--check', action='store_true', help='compare instead of writing; exit 1 when a file differs')
    parser.add_argument('--declarations', help='another folder of SDK declarations (default: the installed SDK\'s resources)')
    args = parser.parse_args()
    global DECLARATIONS
    if args.declarations:
        DECLARATIONS = os.path.abspath(args.declarations)
    if not os.path.isdir(DECLARATIONS):
        raise SystemExit(f'No SDK declarations at {DECLARATIONS}: run `npm ci` in tests/conformance first.')
    files = generated()
    stale = []
    for name, text in files.items():
        path = os.path.join(OUTPUT, name)
        current = open(path, encoding='utf-8', newline='').read() if os.path.exists(path) else None
        if current == text:
            continue
        stale.append(os.path.relpath(path, ROOT).replace(os.sep, '/'))
        if not args.check:
            os.makedirs(OUTPUT, exist_ok=True)
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(text)
    known = set(files)
    extra = [n for n in (os.listdir(OUTPUT) if os.path.isdir(OUTPUT) else []) if n.endswith('.g.cs') and n not in known]
    if args.check:
        for name in extra:
            stale.append(f'src/Runway/Models/Generated/{name} (no longer generated)')
        if stale:
            print('Stale generated code: ' + ', '.join(stale) + f'. Run `{COMMAND}` and commit the result.')
            sys.exit(1)
        print(f'{len(files)} generated file(s) up to date.')
    else:
        for name in extra:
            os.remove(os.path.join(OUTPUT, name))
        print(f'{len(files)} generated file(s); rewritten: {", ".join(stale) or "none"}.')


if __name__ == '__main__':
    main()
