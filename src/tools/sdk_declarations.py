"""The SDK's create declarations (tests/conformance/node_modules/@runwayml/sdk/resources/*.d.ts) read as data: which
endpoints are read, each params type's interfaces and fields (with their JSDoc sentences), each model, and the literal
values a field takes. Knows TypeScript, not C#: sdk-fields.py turns what this reads into the generated C# files.
"""
import os, re

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


def parse(folder):
    """Every model of the SOURCES endpoints: its fields (field, type, required, note) and its nested interfaces as text."""
    models = []
    for endpoint, file, params in SOURCES:
        text = open(os.path.join(folder, file + '.d.ts'), encoding='utf-8').read()
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


def declared(folder):
    """Every create endpoint's declared models and literal values, for the endpoints the module builds by hand:
    ([(endpoint, model)], [(endpoint, model, field path, [values])]), in declaration order."""
    rows, pairs = [], []
    sources = [(e, f, p) for e, f, p in SOURCES + TASKS]
    sources += [('recipes/' + r, 'recipes', 'Recipe' + ''.join(w.capitalize() for w in r.split('_')) + 'Params') for r in RECIPES]
    for endpoint, file, params in sources:
        text = open(os.path.join(folder, file + '.d.ts'), encoding='utf-8').read()
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
    return pairs, rows
