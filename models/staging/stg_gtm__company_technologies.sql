with

source as (

    select * from {{ gtm_input('company_technologies') }}

),

cleaned as (

    select
        {{ gtm_clean_text('company_id') }} as company_id,
        {{ gtm_clean_text('technology') }} as technology,
        -- Lower-cased words of the name, the form that list criteria compare.
        lower(trim({{ gtm_regexp_replace(gtm_clean_text('technology'), "'\\s+'", "' '") }})) as technology_key,
        lower({{ gtm_clean_text('category') }}) as category

    from source

)

select * from cleaned
