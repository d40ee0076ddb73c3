{#-
    gtm_validate_definitions(loaded, registry, stopwords=[], title_signatures={})

    Validate step of the definitions compiler. Checks the unparsed definitions from
    gtm_load_definitions against the parameter registry and returns every problem found
    as a list of messages (empty when all is valid). Each message names the definition,
    the criterion or field, the value received and what is allowed, so one failed build
    shows every mistake at once.

    Arguments:
        loaded: the dict returned by gtm_load_definitions()
        registry: the dict returned by gtm_parameter_registry()
        stopwords: words that title normalisation deletes, for the wildcard check
        title_signatures: role signatures of the semantic title values (pattern text ->
            signature, from gtm_title_patterns), for the semantic check

    Example: gtm_validate_definitions(gtm_load_definitions(), gtm_parameter_registry())
             ->  ["ICP 'smb_saas': status 'life' is not valid. Allowed: draft, live, paused."]
-#}
{% macro gtm_validate_definitions(loaded, registry, stopwords=[], title_signatures={}) %}
    {%- set re = modules.re -%}
    {%- set errors = [] -%}
    {%- set code_pattern = '^[a-z][a-z0-9_]*$' -%}
    {%- set number_pattern = '^[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$' -%}
    {%- set integer_pattern = '^[+-]?[0-9]+$' -%}
    {%- set statuses = ['draft', 'live', 'paused'] -%}
    {%- set modes = ['filter', 'score', 'exclude'] -%}
    {%- set entities = ['company', 'person'] -%}
    {%- set operators_by_type = gtm_operators_by_type() -%}
    {%- set ladder = gtm_seniority_ladder() -%}

    {#- Parameter registry -#}
    {%- for code, parameter in registry.items() -%}
        {%- set where = "Parameter '" ~ code ~ "' in the parameter registry" -%}
        {%- if not re.match(code_pattern, code | string) -%}
            {%- do errors.append(where ~ ": the code is not snake_case. Use lower-case letters, digits and underscores, starting with a letter.") -%}
        {%- endif -%}
        {%- if parameter is not mapping -%}
            {%- do errors.append(where ~ ": expected a mapping with entity, type and expression, received '" ~ parameter ~ "'.") -%}
        {%- else -%}
            {%- if parameter.get('entity') not in entities -%}
                {%- do errors.append(where ~ ": entity '" ~ parameter.get('entity') ~ "' is not valid. Allowed: " ~ entities | join(', ') ~ ".") -%}
            {%- endif -%}
            {%- if parameter.get('type') not in operators_by_type -%}
                {%- do errors.append(where ~ ": type '" ~ parameter.get('type') ~ "' is not valid. Allowed: " ~ operators_by_type.keys() | sort | join(', ') ~ ".") -%}
            {%- elif parameter.type == 'recency' and not parameter.get('signal_type') -%}
                {%- do errors.append(where ~ ": type recency needs `signal_type`, the signal type whose latest event it measures.") -%}
            {%- elif parameter.type == 'answer' and not parameter.get('question') -%}
                {%- do errors.append(where ~ ": type answer needs `question`, the enrichment question code it reads.") -%}
            {%- elif parameter.type not in ['recency', 'answer'] and not parameter.get('expression') -%}
                {%- do errors.append(where ~ ": type " ~ parameter.type ~ " needs `expression`, the column or SQL expression it reads.") -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}

    {#- Band sets: contiguous integer ranges, open only at the top -#}
    {%- set band_sets = {} -%}
    {%- set whole_number_pattern = '^[+-]?[0-9]+(\\.0+)?$' -%}
    {%- for band in loaded.bands -%}
        {%- set where = "Band '" ~ band.band_code ~ "' of band set '" ~ band.band_set ~ "'" -%}
        {%- set min_text = band.min_value | string if band.min_value is not none else '' -%}
        {%- set max_text = band.max_value | string if band.max_value is not none else '' -%}
        {%- if not re.match(whole_number_pattern, min_text) -%}
            {%- do errors.append(where ~ ": min_value '" ~ band.min_value ~ "' is not a whole number. Bands cover whole numbers with inclusive bounds.") -%}
        {%- elif max_text != '' and not re.match(whole_number_pattern, max_text) -%}
            {%- do errors.append(where ~ ": max_value '" ~ band.max_value ~ "' is not a whole number or blank (blank means no upper bound).") -%}
        {%- else -%}
            {%- do band_sets.setdefault(band.band_set, []).append({
                'code': band.band_code,
                'min': min_text | float | int,
                'max': (max_text | float | int) if max_text != '' else none,
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for band_set, bands in band_sets.items() -%}
        {%- set ordered = bands | sort(attribute='min') -%}
        {%- for band in ordered -%}
            {%- if band.max is not none and band.min > band.max -%}
                {%- do errors.append("Band '" ~ band.code ~ "' of band set '" ~ band_set ~ "': min_value " ~ band.min ~ " is greater than max_value " ~ band.max ~ ".") -%}
            {%- endif -%}
            {%- if not loop.last -%}
                {%- set next_band = ordered[loop.index] -%}
                {%- if band.max is none -%}
                    {%- do errors.append("Band '" ~ band.code ~ "' of band set '" ~ band_set ~ "' has no upper bound but band '" ~ next_band.code ~ "' starts above it. Only the highest band may be open.") -%}
                {%- elif next_band.min <= band.max -%}
                    {%- do errors.append("Bands '" ~ band.code ~ "' and '" ~ next_band.code ~ "' of band set '" ~ band_set ~ "' overlap: " ~ band.min ~ "-" ~ band.max ~ " and " ~ next_band.min ~ "-" ~ (next_band.max if next_band.max is not none else 'open') ~ ". Make each band start one above the previous band's max_value.") -%}
                {%- elif next_band.min > band.max + 1 -%}
                    {%- do errors.append("Bands '" ~ band.code ~ "' and '" ~ next_band.code ~ "' of band set '" ~ band_set ~ "' leave a gap: " ~ (band.max + 1) ~ " to " ~ (next_band.min - 1) ~ " belongs to no band. Make each band start one above the previous band's max_value.") -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}

    {#- ICPs and Personas -#}
    {%- set icp_codes = [] -%}
    {%- set persona_keys = [] -%}
    {%- for icp in loaded.icps -%}
        {%- set where = "ICP '" ~ icp.icp_code ~ "'" -%}
        {%- if icp.icp_code is none or not re.match(code_pattern, icp.icp_code | string) -%}
            {%- do errors.append(where ~ ": icp_code is not snake_case. Use lower-case letters, digits and underscores, starting with a letter.") -%}
        {%- elif icp.icp_code in icp_codes -%}
            {%- do errors.append(where ~ ": duplicate icp_code. Each ICP needs its own code.") -%}
        {%- endif -%}
        {%- do icp_codes.append(icp.icp_code) -%}
        {%- if icp.icp_name is none -%}
            {%- do errors.append(where ~ ": icp_name is blank. Give the ICP a display name.") -%}
        {%- endif -%}
        {%- if icp.status not in statuses -%}
            {%- do errors.append(where ~ ": status '" ~ icp.status ~ "' is not valid. Allowed: " ~ statuses | join(', ') ~ ".") -%}
        {%- endif -%}
        {%- if not re.match(integer_pattern, icp.priority | string) -%}
            {%- do errors.append(where ~ ": priority '" ~ icp.priority ~ "' is not a whole number. Lower numbers win ties.") -%}
        {%- endif -%}
    {%- endfor -%}
    {%- for persona in loaded.personas -%}
        {%- set key = persona.icp_code ~ '.' ~ persona.persona_code -%}
        {%- set where = "Persona '" ~ key ~ "'" -%}
        {%- if persona.icp_code not in icp_codes -%}
            {%- do errors.append(where ~ ": ICP '" ~ persona.icp_code ~ "' does not exist. Every Persona belongs to an ICP in icps.csv; known ICPs: " ~ icp_codes | unique | join(', ') ~ ".") -%}
        {%- endif -%}
        {%- if persona.persona_code is none or not re.match(code_pattern, persona.persona_code | string) -%}
            {%- do errors.append(where ~ ": persona_code is not snake_case. Use lower-case letters, digits and underscores, starting with a letter.") -%}
        {%- elif key in persona_keys -%}
            {%- do errors.append(where ~ ": duplicate persona_code within ICP '" ~ persona.icp_code ~ "'.") -%}
        {%- endif -%}
        {%- do persona_keys.append(key) -%}
        {%- if persona.persona_name is none -%}
            {%- do errors.append(where ~ ": persona_name is blank. Give the Persona a display name.") -%}
        {%- endif -%}
        {%- if persona.status not in statuses -%}
            {%- do errors.append(where ~ ": status '" ~ persona.status ~ "' is not valid. Allowed: " ~ statuses | join(', ') ~ ".") -%}
        {%- endif -%}
        {%- if not re.match(integer_pattern, persona.priority | string) -%}
            {%- do errors.append(where ~ ": priority '" ~ persona.priority ~ "' is not a whole number. Lower numbers win ties.") -%}
        {%- endif -%}
    {%- endfor -%}

    {#- Criteria -#}
    {%- set criterion_keys = [] -%}
    {%- for criterion in loaded.criteria -%}
        {%- set is_persona = criterion.persona_code is not none -%}
        {%- set owner_key = criterion.icp_code ~ ('.' ~ criterion.persona_code if is_persona else '') -%}
        {%- set where = ("Persona '" if is_persona else "ICP '") ~ owner_key ~ "', criterion '" ~ criterion.criterion_code ~ "'" -%}
        {%- if is_persona and owner_key not in persona_keys -%}
            {%- do errors.append(where ~ ": Persona '" ~ owner_key ~ "' does not exist in personas.csv.") -%}
        {%- elif not is_persona and criterion.icp_code not in icp_codes -%}
            {%- do errors.append(where ~ ": ICP '" ~ criterion.icp_code ~ "' does not exist in icps.csv.") -%}
        {%- endif -%}
        {%- if criterion.criterion_code is none or not re.match(code_pattern, criterion.criterion_code | string) -%}
            {%- do errors.append(where ~ ": criterion_code is not snake_case. Use lower-case letters, digits and underscores, starting with a letter.") -%}
        {%- elif (owner_key ~ '/' ~ criterion.criterion_code) in criterion_keys -%}
            {%- do errors.append(where ~ ": duplicate criterion_code within the definition.") -%}
        {%- endif -%}
        {%- do criterion_keys.append(owner_key ~ '/' ~ criterion.criterion_code) -%}
        {%- if criterion.mode not in modes -%}
            {%- do errors.append(where ~ ": mode '" ~ criterion.mode ~ "' is not valid. Allowed: " ~ modes | join(', ') ~ ".") -%}
        {%- endif -%}

        {%- set parameter = registry.get(criterion.parameter) if criterion.parameter is not none else none -%}
        {%- if parameter is none or parameter is not mapping -%}
            {%- do errors.append(where ~ ": parameter '" ~ criterion.parameter ~ "' is not in the parameter registry. Known parameters: " ~ registry.keys() | sort | join(', ') ~ ".") -%}
        {%- else -%}
            {%- set expected_entity = 'person' if is_persona else 'company' -%}
            {%- if parameter.get('entity') != expected_entity -%}
                {%- do errors.append(where ~ ": parameter '" ~ criterion.parameter ~ "' describes a " ~ parameter.get('entity') ~ ", but " ~ ('Persona' if is_persona else 'ICP') ~ " criteria need a " ~ expected_entity ~ " parameter.") -%}
            {%- endif -%}
            {%- set allowed = operators_by_type.get(parameter.get('type'), []) -%}
            {%- if criterion.operator not in allowed -%}
                {%- do errors.append(where ~ ": operator '" ~ criterion.operator ~ "' is not valid for parameter '" ~ criterion.parameter ~ "' of type " ~ parameter.get('type') ~ ". Allowed: " ~ allowed | join(', ') ~ ".") -%}
            {%- else -%}
                {%- set values = gtm_split_values(criterion.value) -%}
                {%- if criterion.operator in ['between'] -%}
                    {%- set bounds = [] -%}
                    {%- for bound_name in ['min_value', 'max_value'] -%}
                        {%- set bound = criterion.get(bound_name) -%}
                        {%- if bound is not none and not re.match(number_pattern, bound | string) -%}
                            {%- do errors.append(where ~ ": " ~ bound_name ~ " '" ~ bound ~ "' is not a number.") -%}
                        {%- elif bound is not none -%}
                            {%- do bounds.append(bound | float) -%}
                        {%- endif -%}
                    {%- endfor -%}
                    {%- if criterion.min_value is none and criterion.max_value is none -%}
                        {%- do errors.append(where ~ ": operator between needs min_value, max_value or both.") -%}
                    {%- elif bounds | length == 2 and bounds[0] > bounds[1] -%}
                        {%- do errors.append(where ~ ": min_value " ~ criterion.min_value ~ " is greater than max_value " ~ criterion.max_value ~ ". Swap them or fix the range.") -%}
                    {%- endif -%}
                    {%- if criterion.falloff is not none and (not re.match(number_pattern, criterion.falloff | string) or (criterion.falloff | float) < 0 or (criterion.falloff | float) > 1) -%}
                        {%- do errors.append(where ~ ": falloff '" ~ criterion.falloff ~ "' is not a share between 0 and 1 (0.1 means 10 % of the bound).") -%}
                    {%- endif -%}
                {%- elif criterion.operator in ['is_true', 'is_false'] -%}
                    {%- if values | length > 0 -%}
                        {%- do errors.append(where ~ ": operator " ~ criterion.operator ~ " takes no value, received '" ~ criterion.value ~ "'. Leave value blank.") -%}
                    {%- endif -%}
                {%- elif values | length == 0 -%}
                    {%- do errors.append(where ~ ": operator " ~ criterion.operator ~ " needs a value (several values are separated by '|').") -%}
                {%- elif criterion.operator == 'band' -%}
                    {%- set band_set = parameter.get('band_set') -%}
                    {%- set known_bands = band_sets.get(band_set, []) | map(attribute='code') | list -%}
                    {%- for value in values if value not in known_bands -%}
                        {%- do errors.append(where ~ ": band '" ~ value ~ "' is not in band set '" ~ band_set ~ "'. Allowed: " ~ known_bands | join(', ') ~ ".") -%}
                    {%- endfor -%}
                {%- elif criterion.operator == 'wildcard' -%}
                    {%- for value in values -%}
                        {%- set problem = gtm_wildcard_problem(value, stopwords) -%}
                        {%- if problem -%}
                            {%- do errors.append(where ~ ": wildcard pattern '" ~ value ~ "' is invalid: " ~ problem) -%}
                        {%- endif -%}
                    {%- endfor -%}
                {%- elif criterion.operator in ['exact', 'semantic'] -%}
                    {%- for value in values -%}
                        {%- set signature = title_signatures.get(value) -%}
                        {%- if not re.search('\\w', value) -%}
                            {%- do errors.append(where ~ ": " ~ criterion.operator ~ " title '" ~ value ~ "' has no letters or digits, so it can never match.") -%}
                        {%- elif criterion.operator == 'semantic' and value in title_signatures and (signature is none or signature.endswith('::')) -%}
                            {%- do errors.append(where ~ ": semantic title '" ~ value ~ "' names no function or role that the title classifier recognises (signature '" ~ signature ~ "'), so it would match unrelated titles. Use operator exact or wildcard, or add a rule to seeds/reference/title_rules.csv.") -%}
                        {%- endif -%}
                    {%- endfor -%}
                {%- elif parameter.get('type') == 'seniority' -%}
                    {%- for value in values if value not in ladder -%}
                        {%- do errors.append(where ~ ": seniority '" ~ value ~ "' is not on the ladder. Allowed: " ~ ladder | join(', ') ~ ".") -%}
                    {%- endfor -%}
                    {%- if criterion.operator in ['at_least', 'at_most'] and values | length > 1 -%}
                        {%- do errors.append(where ~ ": operator " ~ criterion.operator ~ " takes one seniority, received '" ~ criterion.value ~ "'.") -%}
                    {%- endif -%}
                {%- elif criterion.operator == 'within_days' -%}
                    {%- if values | length > 1 or not re.match('^[0-9]+$', values[0]) or (values[0] | int) < 1 -%}
                        {%- do errors.append(where ~ ": operator within_days needs one whole number of days of at least 1, received '" ~ criterion.value ~ "'.") -%}
                    {%- endif -%}
                {%- endif -%}
            {%- endif -%}
        {%- endif -%}

        {%- if criterion.mode == 'score' -%}
            {%- if criterion.weight is none or not re.match(number_pattern, criterion.weight | string) or (criterion.weight | float) <= 0 -%}
                {%- do errors.append(where ~ ": weight '" ~ criterion.weight ~ "' is not a positive number. Score criteria need a weight above 0.") -%}
            {%- endif -%}
        {%- elif criterion.mode in ['filter', 'exclude'] and criterion.weight is not none -%}
            {%- do errors.append(where ~ ": a " ~ criterion.mode ~ " criterion takes no weight, received '" ~ criterion.weight ~ "'. Leave it blank or use mode score.") -%}
        {%- endif -%}
    {%- endfor -%}

    {{ return(errors) }}
{% endmacro %}
