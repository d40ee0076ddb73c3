-- One row per usable person: the ICP of their company, their Persona and score, and a
-- qualification_status of qualified, no_persona_fit, no_icp_fit or no_company.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions(validate=false) %}

with

people as (

    select * from {{ ref('int_people__features') }}

),

companies as (

    select * from {{ ref('company_fit') }}

),

assigned_personas as (

    select * from {{ ref('int_people__persona_ranked') }}
    where is_assigned

),

final as (

    select
        cast(people.person_id as {{ dbt.type_string() }}) as person_id,
        cast(people.company_id as {{ dbt.type_string() }}) as company_id,
        cast(companies.icp_code as {{ dbt.type_string() }}) as icp_code,
        cast(companies.icp_name as {{ dbt.type_string() }}) as icp_name,
        cast(companies.icp_score as decimal(5, 2)) as icp_score,
        cast(assigned_personas.persona_code as {{ dbt.type_string() }}) as persona_code,
        cast(assigned_personas.persona_name as {{ dbt.type_string() }}) as persona_name,
        cast(assigned_personas.score as decimal(5, 2)) as persona_score,
        cast(assigned_personas.coverage as decimal(5, 4)) as persona_coverage,
        cast(people.seniority as {{ dbt.type_string() }}) as seniority,
        cast(people.function as {{ dbt.type_string() }}) as function_list,
        cast(
            case
                when companies.company_id is null then 'no_company'
                when companies.icp_code is null then 'no_icp_fit'
                when assigned_personas.persona_code is null then 'no_persona_fit'
                else 'qualified'
            end as {{ dbt.type_string() }}
        ) as qualification_status,
        cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version,
        {{ gtm_scored_at() }} as scored_at

    from people

    left join companies
        on people.company_id = companies.company_id

    left join assigned_personas
        on people.person_id = assigned_personas.person_id

)

select * from final
